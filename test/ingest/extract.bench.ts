// Extraction speed per article size: QUOTEGRAPH_SKIP_BUILD=1 npx vitest bench --run test/ingest/extract.bench.ts
// (the seeds, the evaluation and held-out texts, and a ~5,000-character article made of evaluation paragraphs).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bench, describe } from 'vitest';
import { extractArticle } from '../../src/ingest/extract.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function textsIn(folder: string): { name: string; text: string }[] {
  const directory = path.join(root, folder);
  return readdirSync(directory).filter((file) => file.endsWith('.txt')).sort()
    .map((file) => ({ name: file, text: readFileSync(path.join(directory, file), 'utf8') }));
}

const evaluation = textsIn('test/fixtures/eval');
const paragraphs = evaluation.flatMap(({ text }) => text.split(/\n\s*\n/u).slice(3)).filter((paragraph) => paragraph.length > 80);
let composite = 'Senate passes water bill after long debate\n\nBy Jane Roe\n\n';
for (const paragraph of paragraphs) {
  if (composite.length > 5000) break;
  composite += `${paragraph}\n\n`;
}

describe.each([
  { folder: 'seeds', texts: textsIn('seeds') },
  { folder: 'eval', texts: evaluation },
  { folder: 'holdout', texts: textsIn('test/fixtures/holdout') },
  { folder: 'composite', texts: [{ name: 'eval paragraphs', text: composite }] },
])('extractArticle on $folder', ({ texts }) => {
  for (const { name, text } of texts) bench(`${name} (${text.length} characters)`, () => { extractArticle(text); }, { time: 1000, warmupTime: 300 });
});
