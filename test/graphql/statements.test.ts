// Nested lists are read along with their parents or load through per-request batching: the number of
// SQL statements a request makes follows the shape of the query, not the number of rows it returns.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeArticle } from '../../src/ingest/store.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { syntheticDraft } from '../support/drafts.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const THREE_LEVELS = `{
  articles(first: 50) {
    totalCount
    nodes {
      title source { name } topics(first: 20) { nodes { name } }
      quotes(first: 20) { totalCount nodes { text speaker { name aliases quotes(first: 5) { nodes { text } } } } }
    }
  }
}`;

async function statementsFor(query: string): Promise<{ count: number; rows: number }> {
  api.resetStatements();
  const result = await api.query(query);
  expect(result.errors).toBeUndefined();
  const rows = result.data.articles.nodes.reduce((sum: number, article: any) => sum + 1 + article.quotes.nodes.length, 0);
  return { count: api.statements.filter((sql) => /^\s*select/i.test(sql)).length, rows };
}

describe('SQL statements per request', () => {
  it('stay the same when the rows a 3-level query returns grow tenfold', async () => {
    const small = await statementsFor(THREE_LEVELS);
    for (let index = 0; index < 30; index++) await storeArticle(api.database.writer, syntheticDraft(index));
    const large = await statementsFor(THREE_LEVELS);
    expect(large.rows).toBeGreaterThan(small.rows * 4);
    expect(large.count).toBe(small.count);
    // The articles with their topics, quotes and speakers (read along: one statement), their count,
    // and what hangs under a joined speaker (aliases, quotes), loaded once for all speakers.
    expect(large.count).toBeLessThanOrEqual(4);
  });
});
