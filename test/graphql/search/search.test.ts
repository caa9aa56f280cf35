import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/ingest/extract.js';
import { storeArticle } from '../../../src/ingest/store.js';
import { startTestApi, type TestApi } from '../../support/api.js';

let api: TestApi;
beforeAll(async () => {
  // The read engine's statements, on the path graphql-js answers (direct answers, which compare their
  // statement's answer after a request's, count theirs in direct-answers.test.ts).
  api = await startTestApi({ config: { directAnswers: false } });
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

  it('counts what it finds: words, phrases (through their word pairs), OR and exclusions', async () => {
    for (const query of ['Russia', '"Sergey Lavrov"', '"arms control" Russia', '"foreign minister" -Ukraine', '"Sergey Lavrov" or optimism', '-"arms control" Russia']) {
      const result = await api.query(`query ($query: String!) { search(query: $query) {
        articles(first: 100) { totalCount nodes { slug } } quotes(first: 100) { totalCount nodes { text } } } }`, { query });
      expect(result.errors, query).toBeUndefined();
      const { articles, quotes } = result.data.search;
      expect([articles.totalCount, quotes.totalCount], query).toEqual([articles.nodes.length, quotes.nodes.length]);
    }
    const phrases = await api.query('query ($articles: String!, $quotes: String!) { byName: search(query: $articles) { articles(first: 1) { totalCount } } said: search(query: $quotes) { quotes(first: 1) { totalCount } } }', {
      articles: '"Sergey Lavrov"',
      quotes: '"certain optimism"',
    });
    // One seed names him so; the other says "Sergei Lavrov".
    expect([phrases.data.byName.articles.totalCount, phrases.data.said.quotes.totalCount]).toEqual([1, 1]);
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

  it('ranks a page read backwards as one read forwards (the cursors hold the rank)', async () => {
    const edges = async (page: string) => {
      const result = await api.query(`{ search(query: "Russia or relationship or build or optimism or world") {
        articles(${page}) { edges { cursor } } quotes(${page}) { edges { cursor } } } }`);
      expect(result.errors).toBeUndefined();
      return result.data.search;
    };
    const forwards = await edges('first: 50');
    // Both seed articles, and some of their quotes; fewer than a page, so both reads hold every match.
    expect(forwards.articles.edges.length).toBe(2);
    expect(forwards.quotes.edges.length).toBeGreaterThan(2);
    expect(forwards.quotes.edges.length).toBeLessThan(50);
    expect(await edges('last: 50')).toEqual(forwards);
  });

  it("reads a search's articles and quotes in one statement, as each would read its own page", async () => {
    const both = `{ search(query: "Russia") {
      articles(first: 3) { nodes { title date source { name } topics(first: 5) { nodes { name } } } }
      byRank: quotes(last: 2) { pageInfo { hasPreviousPage } edges { cursor node { text speaker { name } } } }
      quotes(first: 2) { pageInfo { hasNextPage endCursor } nodes { text speaker { name } } } } }`;
    api.resetStatements();
    const together = await api.query(both);
    expect(together.errors).toBeUndefined();
    expect(api.statements.filter((sql) => /^\s*select/i.test(sql))).toHaveLength(1);
    // Each field on its own (a field under @skip or with invalid arguments is read by itself).
    const apart: Record<string, unknown> = {};
    for (const field of ['articles', 'byRank', 'quotes']) {
      const alone = await api.query(both.replace(/(articles|byRank: quotes|quotes)\([^)]*\)/g, (found) => (found.startsWith(field) ? found : `${found} @skip(if: true)`)));
      expect(alone.errors).toBeUndefined();
      apart[field] = alone.data.search[field];
    }
    expect(together.data.search).toEqual(apart);
    expect(together.data.search.articles.nodes.length).toBeGreaterThan(1);
    const refused = await api.query('{ search(query: "Russia") { articles(first: 1000) { nodes { title } } quotes(first: 1) { nodes { text } } } }');
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses an empty search with BAD_USER_INPUT', async () => {
    const result = await api.query('{ search(query: "  ") { articles(first: 20) { totalCount } } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

// A document whose word pairs are too long to keep (a tsvector holds 1 MB of words) is stored, with the one
// pair "*" (migration search_word_pairs_of_long_documents), and a phrase of it finds and counts it.
describe('search, an article of long words', () => {
  let long: TestApi;
  beforeAll(async () => {
    long = await startTestApi({ seed: false, config: { directAnswers: false } });
  });
  afterAll(() => long?.close());

  it('stores a ledger of 20,000 hashes and finds it by two of them', async () => {
    const hashes = Array.from({ length: 20_000 }, (_, n) => createHash('md5').update(String(n)).digest('hex'));
    const rows = Array.from({ length: 400 }, (_, row) => `${hashes.slice(row * 50, row * 50 + 50).join(' ')}.`);
    const text = `Ministry publishes its ledger of transfers\n\nLONDON, Dec 7 (Reuters) - The ministry published its ledger of transfers on Monday.\n\n${rows.join('\n\n')}\n`;
    await storeArticle(long.database.writer, extractArticle(text));
    const found = await long.query('query ($query: String!) { search(query: $query) { articles(first: 5) { totalCount nodes { title } } } }', {
      query: `"${hashes[120]} ${hashes[121]}"`,
    });
    expect(found.errors).toBeUndefined();
    expect(found.data.search.articles).toEqual({ totalCount: 1, nodes: [{ title: 'Ministry publishes its ledger of transfers' }] });
  });
});
