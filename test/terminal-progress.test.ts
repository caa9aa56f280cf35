// The status line at a terminal's foot: redrawn in place, erased under each printed line, removed at the end.
import { describe, expect, it } from 'vitest';
import { ProgressLine } from '../src/terminal-progress.js';

function terminal(columns = 80) {
  const written: string[] = [];
  return { columns, written, write: (text: string) => written.push(text), screen: () => written.join('') };
}

describe('ProgressLine', () => {
  it('draws the status in place, prints lines above it, and erases it when finished', () => {
    const stderr = terminal();
    const stdout = terminal();
    const progress = new ProgressLine(stderr);
    progress.update('ingest: 1 of 3 file(s) read');
    progress.print(stdout, 'a.txt: stored as a');
    progress.finish();
    expect(stderr.written).toEqual(['\ringest: 1 of 3 file(s) read\u001b[K', '\r\u001b[K', '\ringest: 1 of 3 file(s) read\u001b[K', '\r\u001b[K']);
    expect(stdout.written).toEqual(['a.txt: stored as a\n']);
  });

  it('redraws at most every 100 ms, but a printed line shows the latest status under it', () => {
    const stderr = terminal();
    const progress = new ProgressLine(stderr);
    for (let read = 1; read <= 50; read++) progress.update(`ingest: ${read} of 50 file(s) read`);
    expect(stderr.written.length).toBeLessThan(50);
    progress.print(terminal(), 'line');
    expect(stderr.written.at(-1)).toBe('\ringest: 50 of 50 file(s) read\u001b[K');
  });

  it('cuts a status wider than the terminal', () => {
    const stderr = terminal(30);
    new ProgressLine(stderr).update('x'.repeat(100));
    expect(stderr.written[0]).toBe(`\r${'x'.repeat(28)}…\u001b[K`);
  });
});
