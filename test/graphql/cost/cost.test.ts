import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRICES } from '../../../src/graphql/cost/query-cost.js';
import { startTestApi, type TestApi } from '../../support/api.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({
    config: { queryLimits: { maxNodes: 5_000, maxCost: 20_000, maxDepth: 8, maxAliases: 5, maxOperations: 2, maxTokens: 2_000 }, responseLimit: 200_000 },
  });
});
afterAll(() => api?.close());

const aliased = (count: number, selection: (index: number) => string) => `{ ${Array.from({ length: count }, (_, index) => selection(index)).join(' ')} }`;

describe('query cost', () => {
  it('reports the cost of every response in extensions', async () => {
    const result = await api.query('{ articles(first: 10) { nodes { quotes(first: 20) { nodes { text } } } } }');
    expect(result.errors).toBeUndefined();
    expect(result.extensions?.cost).toMatchObject({ nodes: 10 + 10 * 20, limit: 5_000, costLimit: 20_000 });
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

  it('counts page sizes given in variables, variable defaults and fragments', async () => {
    const result = await api.query(
      'query ($n: Int) { articles(first: $n) { ...deep } } fragment deep on ArticleConnection { nodes { quotes(first: 100) { totalCount } } }',
      { n: 60 },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    const defaulted = await api.query('query ($n: Int = 3) { articles(first: $n) { nodes { title } } }');
    expect(defaulted.extensions?.cost).toMatchObject({ nodes: 3 });
  });

  it('refuses queries too deep, with too many aliases or operations', async () => {
    const deep = await api.query(`{ articles(first: 1) { nodes { quotes(first: 1) { nodes { speaker { quotes(first: 1) { nodes {
      article { source { articles(first: 1) { nodes { title } } } } } } } } } } } }`);
    expect(deep.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    const aliases = await api.query(aliased(6, (index) => `a${index}: person(slug: "x") { name }`));
    expect(aliases.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    const operations = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query a { __typename } query b { __typename } query c { __typename }', operationName: 'a' }),
    });
    expect(operations.status).toBe(400);
  });
});

describe('hostile documents', () => {
  it('measures a fragment spread twice per level, 40 levels deep, once per fragment', async () => {
    let document = 'query { ...F40 }\nfragment F0 on Query { articles(first: 2) { nodes { title } } }\n';
    for (let level = 1; level <= 40; level++) document += `fragment F${level} on Query { ...F${level - 1} ...F${level - 1} }\n`;
    // GraphQL runs a fragment spread twice into one selection once: this is a two-article query.
    const result = await api.query(document);
    expect(result.errors).toBeUndefined();
    expect(result.extensions?.cost).toMatchObject({ nodes: 2 });
  });

  it('refuses a DAG of distinct fragments whose expansion doubles at every level', async () => {
    let document = 'query { ...A40 ...B40 }\nfragment A0 on Query { a: articles(first: 1) { nodes { title } } }\nfragment B0 on Query { b: articles(first: 1) { nodes { title } } }\n';
    for (let level = 1; level <= 40; level++) {
      document += `fragment A${level} on Query { ...A${level - 1} ...B${level - 1} }\nfragment B${level} on Query { ...B${level - 1} ...A${level - 1} }\n`;
    }
    const result = await api.query(document);
    expect(result.status).toBe(400);
    expect(['QUERY_TOO_COMPLEX', 'QUERY_TOO_COSTLY']).toContain(result.errors?.[0]?.extensions?.code);
  });

  it('counts aliases, depth and items under introspection fields', async () => {
    const aliases = await api.query(aliased(6, (index) => `a${index}: __schema { types { name fields { name } } }`));
    expect(aliases.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', cost: { aliases: 6 } });
    const one = await api.query('{ __schema { types { name fields { name } } } }');
    expect((one.extensions?.cost as { nodes: number }).nodes).toBeGreaterThan(50);
  });

  it('still answers the IDE\'s own introspection query', async () => {
    const result = await api.query(getIntrospectionQuery());
    expect(result.errors).toBeUndefined();
    expect(result.data.__schema.types.length).toBeGreaterThan(20);
  });

  it('refuses a document of more tokens than the limit while parsing it', async () => {
    const result = await api.query(aliased(4_000, (index) => `a${index}: __schema { types { name fields { name } } }`));
    expect(result.status).toBe(400);
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
    expect(result.errors?.[0]?.message).toMatch(/Document contains more th\w+ 2000 tokens/);
  });
});

describe('prices', () => {
  it('prices large texts, to-one hops and counts, not only items', async () => {
    const titles = await api.query('{ articles(first: 10) { nodes { title } } }');
    const bodies = await api.query('{ articles(first: 10) { nodes { title body paragraphs source { name } } } }');
    const titleCost = (titles.extensions?.cost as { cost: number }).cost;
    const bodyCost = (bodies.extensions?.cost as { cost: number }).cost;
    expect(bodyCost - titleCost).toBe(10 * (2 * PRICES.largeText + PRICES.join));
  });

  it('prices a count under first: 0, and a search count as dear as the search', async () => {
    const count = await api.query('{ articles(first: 0) { totalCount } }');
    expect(count.extensions?.cost).toMatchObject({ nodes: 0, cost: PRICES.list + PRICES.count });
    const searchCount = await api.query('{ search(query: "lavrov") { articles(first: 0) { totalCount } } }');
    expect((searchCount.extensions?.cost as { cost: number }).cost).toBeGreaterThanOrEqual(2 * PRICES.search);
  });

  it('refuses many articles with their bodies under a to-one hop that the node limit alone allowed', async () => {
    const query = aliased(4, (index) => `a${index}: articles(first: 10) { nodes { body source { articles(first: 100) { nodes { title body paragraphs } } } } }`);
    const result = await api.query(query);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY' });
    expect((result.errors?.[0]?.extensions?.cost as { nodes: number }).nodes).toBeLessThanOrEqual(5_000);
  });
});

describe('response size', () => {
  it('ends a response over the byte limit with a clear error instead of sending it', async () => {
    // The seeds' two articles, asked for again and again under aliases (and again under each of their
    // quotes): small in cost, large in bytes.
    const query = aliased(5, (index) => `a${index}: articles(first: 2) { nodes { body paragraphs quotes(first: 50) { nodes { text article { body } } } } }`);
    const response = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const text = await response.text();
    expect(text.length).toBeLessThan(1_000);
    expect(JSON.parse(text).errors[0]).toMatchObject({ extensions: { code: 'RESPONSE_TOO_LARGE' } });
    expect(JSON.parse(text).errors[0].message).toMatch(/over the limit of 200000/);
  });
});
