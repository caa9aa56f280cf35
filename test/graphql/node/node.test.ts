import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../support/api.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

describe('node', () => {
  it('fetches any object by its global id', async () => {
    const result = await api.query('{ person(slug: "mike-pompeo") { id } quotes(first: 1) { nodes { id text } } articles(first: 1) { nodes { id title } } }');
    const personId = result.data.person.id;
    const quote = result.data.quotes.nodes[0];
    const article = result.data.articles.nodes[0];
    const nodes = await api.query(`query ($a: ID!, $b: ID!, $c: ID!) {
      a: node(id: $a) { __typename ... on Person { name } }
      b: node(id: $b) { __typename ... on Quote { text } }
      c: node(id: $c) { __typename ... on Article { title } }
    }`, { a: personId, b: quote.id, c: article.id });
    expect(nodes.data).toEqual({
      a: { __typename: 'Person', name: 'Mike Pompeo' },
      b: { __typename: 'Quote', text: quote.text },
      c: { __typename: 'Article', title: article.title },
    });
  });

  it('gives null for unknown or malformed ids', async () => {
    const result = await api.query('{ a: node(id: "UGVyc29uOjk5OTk5") { id } b: node(id: "not-an-id") { id } }');
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ a: null, b: null });
  });
});
