import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/ingest/extract.js';
import { ExtractionWorker } from '../../src/ingest/extraction-worker.js';
import { IngestError } from '../../src/ingest/ingest-error.js';
import { packageRoot } from '../../src/package-root.js';
import { adversarialText } from '../support/hostile-text.js';

let worker: ExtractionWorker | undefined;
afterEach(() => worker?.close());

describe('the extraction worker', () => {
  it('drafts an article as the pipeline does on this thread', async () => {
    const text = await readFile(path.join(packageRoot, 'seeds/000_66bb6676f4f473e3.txt'), 'utf8');
    worker = new ExtractionWorker(10_000);
    expect(await worker.extract(text)).toEqual(extractArticle(text));
  });

  it('passes the pipeline\'s refusals on as IngestErrors', async () => {
    worker = new ExtractionWorker(10_000);
    await expect(worker.extract('   ')).rejects.toMatchObject({ name: 'IngestError', reason: 'empty' });
  });

  it('refuses an article over its time budget, and drafts the next one on a fresh thread', async () => {
    // A fresh thread's first article pays for compiling the pipeline's patterns: a generous budget, a text far over it.
    worker = new ExtractionWorker(1_000);
    const refused = worker.extract(adversarialText(2_000_000));
    const next = worker.extract('Mayor opens bridge\n\nThe mayor opened the bridge. "It is a great day," she said.\n');
    await expect(refused).rejects.toBeInstanceOf(IngestError);
    await expect(refused).rejects.toMatchObject({ reason: 'too-slow' });
    expect((await next).quotes.map((quote) => quote.text)).toEqual(['It is a great day,']);
  });

  it('extracts a 480 KB hostile text of 20,000 quotations, each with its speaker', async () => {
    worker = new ExtractionWorker(60_000);
    const draft = await worker.extract(adversarialText(480_000));
    expect(draft.quotes.length).toBeGreaterThan(20_000);
    expect(new Set(draft.quotes.map((quote) => quote.speaker))).toEqual(new Set(['Ann Smith', 'Bob Jones']));
  });
});
