import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeArticle } from '../../../src/ingest/store.js';
import { startTestApi, type TestApi } from '../../support/api.js';
import { syntheticDraft } from '../../support/drafts.js';

let api: TestApi;
beforeAll(async () => {
  // The read engine's statements, on the path graphql-js answers (direct answers, which compare their
  // statement's answer after a request's, count theirs in direct-answers.test.ts).
  api = await startTestApi({ config: { directAnswers: false } });
  for (let index = 0; index < 12; index++) await storeArticle(api.database.writer, syntheticDraft(index));
});
afterAll(() => api?.close());

const PAGE = `query ($first: Int, $after: String, $last: Int, $before: String) {
  quotes(first: $first, after: $after, last: $last, before: $before) {
    totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

async function allQuoteIds(): Promise<string[]> {
  const result = await api.query('{ quotes(first: 100) { nodes { id } } }');
  return result.data.quotes.nodes.map((quote: any) => quote.id);
}

describe('pagination', () => {
  it('walks forward page by page through the whole list, without gaps or repeats', async () => {
    const expected = await allQuoteIds();
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const result: any = await api.query(PAGE, { first: 7, after });
      const connection = result.data.quotes;
      expect(connection.totalCount).toBe(expected.length);
      seen.push(...connection.edges.map((edge: any) => edge.node.id));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
  });

  it('walks backward with last/before', async () => {
    const expected = await allQuoteIds();
    const last = await api.query(PAGE, { last: 5 });
    expect(last.data.quotes.edges.map((edge: any) => edge.node.id)).toEqual(expected.slice(-5));
    expect(last.data.quotes.pageInfo.hasPreviousPage).toBe(true);
    const before = await api.query(PAGE, { last: 5, before: last.data.quotes.pageInfo.startCursor });
    expect(before.data.quotes.edges.map((edge: any) => edge.node.id)).toEqual(expected.slice(-10, -5));
  });

  it('keeps cursors stable when newer rows are inserted', async () => {
    const firstPage = await api.query(PAGE, { first: 10 });
    const cursor = firstPage.data.quotes.pageInfo.endCursor;
    const before = await api.query(PAGE, { first: 10, after: cursor });
    // A newer article lands at the head of the list, ahead of the cursor.
    await storeArticle(api.database.writer, syntheticDraft(500));
    const after = await api.query(PAGE, { first: 10, after: cursor });
    expect(after.data.quotes.edges).toEqual(before.data.quotes.edges);
  });

  it('pages nested lists too', async () => {
    const result = await api.query('{ person(slug: "sergey-lavrov") { quotes(first: 3) { pageInfo { endCursor hasNextPage } nodes { id } } } }');
    const next = await api.query('query ($after: String) { person(slug: "sergey-lavrov") { quotes(first: 10, after: $after) { nodes { id } } } }', {
      after: result.data.person.quotes.pageInfo.endCursor,
    });
    expect(result.data.person.quotes.pageInfo.hasNextPage).toBe(true);
    expect(next.data.person.quotes.nodes).toHaveLength(4);
  });

  it('reads one row past a page only when pageInfo asks whether more follow', async () => {
    const limits = async (query: string) => {
      api.resetStatements();
      const result = await api.query(query);
      expect(result.errors).toBeUndefined();
      return { result, limits: api.statements.flatMap((sql) => [...sql.matchAll(/LIMIT (\d+)/g)].map((found) => Number(found[1]))) };
    };
    expect((await limits('{ quotes(first: 3) { nodes { id } } }')).limits).toEqual([3]);
    expect((await limits('{ articles(first: 2) { nodes { quotes(first: 2) { nodes { id } } } } }')).limits.sort()).toEqual([2, 2]);
    const asked = await limits('{ articles(first: 2) { ...more nodes { quotes(first: 2) { pageInfo { hasNextPage } nodes { id } } } } } fragment more on ArticleConnection { pageInfo { hasNextPage } }');
    expect(asked.limits.sort()).toEqual([3, 3]);
    expect(asked.result.data.articles.pageInfo.hasNextPage).toBe(true);
    // Without pageInfo, the edges' cursors still walk the whole list, to an empty page.
    const expected = await allQuoteIds();
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const result: any = await api.query('query ($after: String) { quotes(first: 5, after: $after) { edges { cursor node { id } } } }', { after });
      const edges = result.data.quotes.edges;
      if (edges.length === 0) break;
      seen.push(...edges.map((edge: any) => edge.node.id));
      after = edges.at(-1).cursor;
    }
    expect(seen).toEqual(expected);
  });

  it('refuses pages over 100 items with a clear error', async () => {
    const result = await api.query('{ quotes(first: 101) { totalCount } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/maximum of 100/);
    const nested = await api.query('{ articles(first: 20) { nodes { quotes(last: 1000) { totalCount } } } }');
    expect(nested.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a cursor it did not make', async () => {
    const result = await api.query(PAGE, { first: 5, after: 'bm9uc2Vuc2U' });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.status).toBeLessThan(500);
  });
});
