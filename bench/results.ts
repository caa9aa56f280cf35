// A bench script's figures: the median of its samples, and where they go: bench/results/<stem>.md, or
// <stem>-2.md, -3.md... when a run of the same day and kind is already there.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../src/package-root.js';

/** The middle value (the lower of the two middle ones for an even count); NaN for none. */
export function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted.length === 0 ? NaN : sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** Writes `markdown` under the first free name for `stem`, and says so. */
export function writeResult(stem: string, markdown: string): void {
  const directory = path.join(packageRoot, 'bench/results');
  mkdirSync(directory, { recursive: true });
  const taken = new Set(readdirSync(directory));
  let file = `${stem}.md`;
  for (let suffix = 2; taken.has(file); suffix++) file = `${stem}-${suffix}.md`;
  writeFileSync(path.join(directory, file), markdown);
  console.log(`Written to bench/results/${file}`);
}
