// Every GraphQL example in README.md, run as written and in the order a reader meets them, against
// the seeded database plus the newsroom the editing examples talk about: none may answer with an error.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../src/auth/api-keys.js';
import { utcTimestamp } from '../src/db/writer.js';
import { packageRoot } from '../src/package-root.js';
import { startTestApi, type TestApi } from './support/api.js';

/** Each operation of each ```graphql block of the README as a document of its own, with its line. */
async function readmeExamples(): Promise<{ line: number; document: string }[]> {
  const readme = await readFile(path.join(packageRoot, 'README.md'), 'utf8');
  const examples: { line: number; document: string }[] = [];
  for (const block of readme.matchAll(/^```graphql\n([\s\S]*?)^```/gm)) {
    const firstLine = readme.slice(0, block.index).split('\n').length + 1;
    const source = block[1]!;
    for (const definition of parse(source).definitions) {
      const { start, end } = definition.loc!;
      examples.push({ line: firstLine + source.slice(0, start).split('\n').length - 1, document: source.slice(start, end) });
    }
  }
  return examples;
}

const examples = await readmeExamples();
let api: TestApi;
let editor: Record<string, string>;
/** The text the ingest example sends (its `$text`). */
let articleText: string;

beforeAll(async () => {
  api = await startTestApi();
  // The key whose record the README's record example lists.
  editor = { authorization: `Bearer ${await createApiKey(api.database.writer, 'desk-editor', 'EDITOR')}` };
  articleText = await readFile(path.join(packageRoot, 'seeds/000_66bb6676f4f473e3.txt'), 'utf8');
  // The council story of the editing examples (Alice Johnson, Robert and Bob Smith, Dana Lee), filed
  // under its reporter's name as a source, and two sources of the merge and delete examples.
  const bridge = await readFile(path.join(packageRoot, 'test/fixtures/editorial/bridge-vote.txt'), 'utf8');
  const filed = await api.query(
    'mutation ($text: String!) { ingestArticle(text: $text, url: "https://gazette.example/bridge", title: "Council approves new bridge", source: "Jane Reporter") { article { slug } } }',
    { text: bridge },
    editor,
  );
  expect(filed.data?.ingestArticle.article.slug).toBe('council-approves-new-bridge');
  await api.database.writer.transaction((session) =>
    session.query(`INSERT INTO "Source" ("slug", "name", "createdAt") VALUES ('ap', 'AP', $1::timestamp), ('spare-wire', 'Spare Wire', $1::timestamp)`, [
      utcTimestamp(new Date()),
    ]),
  );
});
afterAll(() => api?.close());

describe('the README', () => {
  it('has its GraphQL examples found', () => {
    expect(examples.length).toBeGreaterThanOrEqual(20);
  });

  it.each(examples)('answers the example on line $line without errors', async ({ document }) => {
    const result = await api.query(document, document.includes('$text') ? { text: articleText } : undefined, editor);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    expect(result.status).toBe(200);
  });
});
