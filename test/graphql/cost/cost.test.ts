import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../support/api.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ config: { queryLimits: { maxNodes: 5_000, maxDepth: 8, maxAliases: 5, maxOperations: 2 } } });
});
afterAll(() => api?.close());

describe('query cost', () => {
  it('reports the cost of every response in extensions', async () => {
    const result = await api.query('{ articles(first: 10) { nodes { quotes(first: 20) { nodes { text } } } } }');
    expect(result.errors).toBeUndefined();
    expect(result.extensions?.cost).toMatchObject({ nodes: 10 + 10 * 20, limit: 5_000 });
  });

  it('needs first or last on every connection', async () => {
    const result = await api.query('{ articles(first: 5) { nodes { quotes { totalCount } } } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/articles\.nodes\.quotes" needs a "first" or "last"/);
  });

  it('refuses a query over the node limit with its computed cost', async () => {
    const result = await api.query('{ articles(first: 100) { nodes { quotes(first: 100) { nodes { text } } } } }');
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect(result.errors?.[0]?.extensions?.cost).toMatchObject({ nodes: 100 + 100 * 100 });
  });

  it('counts page sizes given in variables and fragments', async () => {
    const result = await api.query(
      'query ($n: Int) { articles(first: $n) { ...deep } } fragment deep on ArticleConnection { nodes { quotes(first: 100) { totalCount } } }',
      { n: 60 },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
  });

  it('refuses queries too deep, with too many aliases or operations', async () => {
    const deep = await api.query(`{ articles(first: 1) { nodes { quotes(first: 1) { nodes { speaker { quotes(first: 1) { nodes {
      article { source { articles(first: 1) { nodes { title } } } } } } } } } } } }`);
    expect(deep.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    const aliases = await api.query(`{ ${Array.from({ length: 6 }, (_, index) => `a${index}: person(slug: "x") { name }`).join(' ')} }`);
    expect(aliases.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    const operations = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query a { __typename } query b { __typename } query c { __typename }', operationName: 'a' }),
    });
    expect(operations.status).toBe(400);
  });
});
