// Nested pages read along with their parent rows: one statement for a whole nested query, and the
// same answer, page for page and cursor for cursor, as the same page loaded on its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeArticle } from '../../../src/ingest/store.js';
import { startTestApi, type TestApi } from '../../support/api.js';
import { syntheticDraft } from '../../support/drafts.js';

let api: TestApi;
let personSlug: string;
let personId: string;
let articleSlug: string;

beforeAll(async () => {
  // The read engine's statements, on the path graphql-js answers (direct answers, which compare their
  // statement's answer after a request's, count theirs in direct-answers.test.ts).
  api = await startTestApi({ config: { directAnswers: false } });
  for (let index = 0; index < 24; index++) await storeArticle(api.database.writer, syntheticDraft(index));
  const found = await api.query('{ people(first: 1, name: "Speaker1") { nodes { id slug } } articles(first: 1) { nodes { slug } } }');
  personSlug = found.data.people.nodes[0].slug;
  personId = found.data.people.nodes[0].id;
  articleSlug = found.data.articles.nodes[0].slug;
});
afterAll(() => api?.close());

async function statementsFor(query: string, variables?: Record<string, unknown>): Promise<{ data: any; statements: number }> {
  api.resetStatements();
  const result = await api.query(query, variables);
  expect(result.errors).toBeUndefined();
  return { data: result.data, statements: api.statements.length };
}

describe('nested pages', () => {
  it('are read in the statement of their parent rows, at every depth', async () => {
    const queries = [
      `{ person(slug: "${personSlug}") { name aliases quotes(first: 5) { totalCount edges { cursor node { text date article { title date source { name } } } } } } }`,
      `{ articles(first: 20) { nodes { title date source { name } topics(first: 10) { nodes { name } } quotes(first: 5) { nodes { text speaker { name } } } } } }`,
      `{ article(slug: "${articleSlug}") { title paragraphs source { name } contributors(first: 10) { nodes { name } }
          authors(first: 10) { nodes { name } } people(first: 20) { nodes { name articles(first: 2) { nodes { title } } } }
          topics(first: 10) { totalCount nodes { name quotes(first: 2) { nodes { text } } } } quotes(first: 20) { nodes { text speaker { name } } } } }`,
    ];
    for (const query of queries) {
      const { data, statements } = await statementsFor(query);
      expect(JSON.stringify(data)).toContain('"text"');
      expect(statements, query).toBe(1);
    }
  });

  it('follow fragments, aliases and variables', async () => {
    const query = `query Front($recent: Int!) {
      articles(first: 5) { nodes { ...Quotes latest: quotes(last: $recent) { nodes { position } } } }
    }
    fragment Quotes on Article { quotes(first: 3) { totalCount nodes { position text } } }`;
    const { data, statements } = await statementsFor(query, { recent: 2 });
    expect(statements).toBe(1);
    let whole = 0;
    for (const article of data.articles.nodes) {
      const positions = article.quotes.nodes.map((quote: { position: number }) => quote.position);
      expect(article.quotes.totalCount).toBeGreaterThanOrEqual(positions.length);
      expect(article.latest.nodes.length).toBeLessThanOrEqual(2);
      // Where the first 3 quotes are all of them, the last 2 are the last 2 of those.
      if (article.quotes.totalCount <= 3) {
        expect(article.latest.nodes.map((quote: { position: number }) => quote.position)).toEqual(positions.slice(-2));
        whole++;
      }
    }
    expect(whole).toBeGreaterThan(0);
  });

  it('answer as the same page loaded on its own, forwards and backwards, with cursors and counts', async () => {
    const page = `totalCount edges { cursor node { text date article { title date } } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`;
    // `person` reads its quotes along; `node` looks the person up by id, and the page loads on its own.
    const both = (args: string) => `{ planned: person(slug: "${personSlug}") { quotes(${args}) { ${page} } }
      loaded: node(id: "${personId}") { ... on Person { quotes(${args}) { ${page} } } } }`;
    const first = await api.query(both('first: 3'));
    expect(first.errors).toBeUndefined();
    expect(first.data.planned).toEqual(first.data.loaded);
    const middle = first.data.planned.quotes.pageInfo.endCursor;
    for (const args of [`first: 4, after: "${middle}"`, `last: 2, before: "${middle}"`, 'last: 3', 'first: 100']) {
      const result = await api.query(both(args));
      expect(result.errors, args).toBeUndefined();
      expect(result.data.planned.quotes.edges.length, args).toBeGreaterThan(0);
      expect(result.data.planned, args).toEqual(result.data.loaded);
    }
  });

  it('leave an invalid page to its resolver, which reports it', async () => {
    const result = await api.query(`{ articles(first: 2) { nodes { quotes(first: 1000) { nodes { text } } } } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
