import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../../src/auth/api-keys.js';
import { packageRoot } from '../../../src/package-root.js';
import { startTestApi, type TestApi } from '../../support/api.js';
import { adversarialText } from '../../support/hostile-text.js';

let api: TestApi;
let editorKey: string;
let readerKey: string;
beforeAll(async () => {
  api = await startTestApi({ seed: false });
  editorKey = await createApiKey(api.database.writer, 'editor', 'EDITOR');
  readerKey = await createApiKey(api.database.writer, 'reader', 'READER');
});
afterAll(() => api?.close());

const INGEST = `mutation ($text: String!) {
  ingestArticle(text: $text) { created article { title quotes(first: 50) { totalCount nodes { text speaker { name } } } } }
}`;

const seedText = () => readFile(path.join(packageRoot, 'seeds/000_66bb6676f4f473e3.txt'), 'utf8');

describe('ingestArticle', () => {
  it('needs an API key', async () => {
    const result = await api.query(INGEST, { text: await seedText() });
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await api.database.prisma.article.count()).toBe(0);
  });

  it('refuses a wrong key as UNAUTHENTICATED and a read-only key as FORBIDDEN', async () => {
    const wrong = await api.query(INGEST, { text: await seedText() }, { authorization: 'Bearer qg_not-a-real-key' });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const reader = await api.query(INGEST, { text: await seedText() }, { authorization: `Bearer ${readerKey}` });
    expect(reader.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('stores the article for an editor, and is idempotent on the same text', async () => {
    const headers = { authorization: `Bearer ${editorKey}` };
    const first = await api.query(INGEST, { text: await seedText() }, headers);
    expect(first.errors).toBeUndefined();
    expect(first.data.ingestArticle.created).toBe(true);
    expect(first.data.ingestArticle.article.title).toBe('Pompeo, Russia’s Lavrov see hope for improved US-Russia ties');
    expect(first.data.ingestArticle.article.quotes.totalCount).toBeGreaterThan(5);
    const second = await api.query(INGEST, { text: await seedText() }, headers);
    expect(second.data.ingestArticle.created).toBe(false);
    expect(await api.database.prisma.article.count()).toBe(1);
  });

  it('validates its input with BAD_USER_INPUT', async () => {
    const headers = { authorization: `Bearer ${editorKey}` };
    const empty = await api.query(INGEST, { text: '   ' }, headers);
    expect(empty.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const huge = await api.query(INGEST, { text: `Headline\n\n${'word '.repeat(110_000)}` }, headers);
    expect(huge.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('ingestArticle on hostile text', () => {
  it('refuses text over the extraction time budget, stores nothing, and /healthz answers meanwhile', async () => {
    const slow = await startTestApi({ seed: false, config: { extractionTimeout: 200 } });
    try {
      const key = await createApiKey(slow.database.writer, 'editor', 'EDITOR');
      const text = adversarialText(480_000);
      let pending = true;
      const ingest = slow.query('mutation ($text: String!) { ingestArticle(text: $text) { created } }', { text }, { authorization: `Bearer ${key}` })
        .finally(() => (pending = false));
      let healthAnswersWhilePending = 0;
      while (pending) {
        const health = await fetch(new URL('/healthz', slow.url));
        if (health.status === 200 && pending) healthAnswersWhilePending++;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const result = await ingest;
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toMatch(/took longer than 200 ms/);
      expect(healthAnswersWhilePending).toBeGreaterThan(0);
      expect(await slow.database.prisma.article.count()).toBe(0);
    } finally {
      await slow.close();
    }
  });
});
