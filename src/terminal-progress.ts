// A status line at the foot of a terminal, redrawn in place, with the command's other lines scrolling
// above it. Only for a terminal: in a pipe or a log file, carriage returns would be litter.

interface TerminalStream {
  write(text: string): unknown;
  columns?: number;
}

/** A redraw at most this often: a batch reads hundreds of files a second. */
const REDRAW_INTERVAL_MS = 100;

export class ProgressLine {
  private text = '';
  private shown = false;
  private drawnAt = 0;

  constructor(private readonly terminal: TerminalStream) {}

  /** Sets the status; redrawn now unless it was a moment ago. */
  update(text: string): void {
    this.text = text;
    if (Date.now() - this.drawnAt >= REDRAW_INTERVAL_MS) this.draw();
  }

  /** Writes `line` to `stream` (the same terminal) above the status line. */
  print(stream: TerminalStream, line: string): void {
    this.erase();
    stream.write(`${line}\n`);
    this.draw();
  }

  /** Removes the status line for good. */
  finish(): void {
    this.erase();
    this.text = '';
  }

  private draw(): void {
    if (this.text === '') return;
    const width = Math.max(20, (this.terminal.columns || 80) - 1);
    const text = this.text.length > width ? `${this.text.slice(0, width - 1)}…` : this.text;
    // \r to the line's start, the status, then clear what a longer status left to its right.
    this.terminal.write(`\r${text}\u001b[K`);
    this.shown = true;
    this.drawnAt = Date.now();
  }

  private erase(): void {
    if (!this.shown) return;
    this.terminal.write('\r\u001b[K');
    this.shown = false;
  }
}
