// Where a bench script's figures go: bench/results/<stem>.md, or <stem>-2.md, -3.md... when a run of the
// same day and kind is already there.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../src/package-root.js';

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
