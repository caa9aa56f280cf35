import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../support/api.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

describe('search', () => {
  it('finds articles and quotes by their words, best match first', async () => {
    const result = await api.query(`{ search(query: "arms control") {
      articles(first: 20) { totalCount nodes { title } }
      quotes(first: 20) { nodes { text } } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.search.articles.totalCount).toBe(2);
    const quotes = await api.query('{ search(query: "optimism") { quotes(first: 20) { nodes { text speaker { name } } } } }');
    expect(quotes.data.search.quotes.nodes).toEqual([{ text: 'gives certain optimism.', speaker: { name: 'Sergey Lavrov' } }]);
  });

  it('pages through ranked results with cursors', async () => {
    const all = await api.query('{ search(query: "Russia") { articles(first: 100) { nodes { slug } } } }');
    const slugs = all.data.search.articles.nodes.map((article: { slug: string }) => article.slug);
    expect(slugs.length).toBeGreaterThan(1);
    const first = await api.query('{ search(query: "Russia") { articles(first: 1) { pageInfo { endCursor hasNextPage } nodes { slug } } } }');
    const page = first.data.search.articles;
    expect(page.pageInfo.hasNextPage).toBe(true);
    const second = await api.query('query ($after: String) { search(query: "Russia") { articles(first: 1, after: $after) { nodes { slug } } } }', {
      after: page.pageInfo.endCursor,
    });
    expect([page.nodes[0].slug, second.data.search.articles.nodes[0].slug]).toEqual(slugs.slice(0, 2));
  });

  it('refuses an empty search with BAD_USER_INPUT', async () => {
    const result = await api.query('{ search(query: "  ") { articles(first: 20) { totalCount } } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
