import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/ingest/extract.js';
import { ExtractionPool } from '../../src/ingest/extraction-pool.js';
import { IngestError } from '../../src/ingest/ingest-error.js';
import { packageRoot } from '../../src/package-root.js';
import { adversarialText } from '../support/hostile-text.js';

let pool: ExtractionPool | undefined;
afterEach(() => pool?.close());

const story = (name: string) => `Mayor opens bridge ${name}\n\nThe mayor opened bridge ${name}. "It is a great day," she said.\n`;

describe('the extraction pool', () => {
  it('drafts many articles on its threads, each as the pipeline does on this thread', async () => {
    pool = new ExtractionPool(10_000, 2);
    const seed = await readFile(path.join(packageRoot, 'seeds/000_66bb6676f4f473e3.txt'), 'utf8');
    const texts = [seed, ...Array.from({ length: 9 }, (_, index) => story(String(index)))];
    const drafts = await Promise.all(texts.map((text) => pool!.extract(text)));
    expect(drafts).toEqual(texts.map((text) => extractArticle(text)));
  });

  it('refuses an article over its time budget and drafts the others, on that thread and the rest', async () => {
    pool = new ExtractionPool(1_000, 2);
    const refused = pool.extract(adversarialText(2_000_000));
    const others = Array.from({ length: 4 }, (_, index) => pool!.extract(story(String(index))));
    await expect(refused).rejects.toBeInstanceOf(IngestError);
    await expect(refused).rejects.toMatchObject({ reason: 'too-slow' });
    expect((await Promise.all(others)).map((draft) => draft.title)).toEqual(['0', '1', '2', '3'].map((name) => `Mayor opens bridge ${name}`));
  });
});
