// Input a client can send that once ended in INTERNAL_SERVER_ERROR: each is a client error with a
// code, or null for a key that names nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/auth/api-keys.js';
import { startTestApi, type TestApi } from '../support/api.js';

let api: TestApi;
let editorKey: string;
beforeAll(async () => {
  api = await startTestApi();
  editorKey = await createApiKey(api.database.writer, 'editor', 'EDITOR');
});
afterAll(() => api?.close());

const cursor = (values: unknown) => Buffer.from(JSON.stringify(values)).toString('base64url');

/** A cursor of `list` (its own tag) holding `values`, which the list must check itself. */
async function cursorOfList(list: string, values: unknown[]): Promise<string> {
  const page = await api.query(`{ ${list}(first: 1) { pageInfo { endCursor } } }`);
  const [tag] = JSON.parse(Buffer.from(page.data[list].pageInfo.endCursor, 'base64url').toString('utf8'));
  return cursor([tag, ...values]);
}
const globalId = (text: string) => Buffer.from(text).toString('base64url');

describe('bad input', () => {
  it.each([
    ['a date that is a number', [123, 4]],
    ['an id that is text', ['2020-01-01T00:00:00.000Z', 'four']],
    ['an id beyond int32', ['2020-01-01T00:00:00.000Z', 99_999_999_999]],
    ['a fractional id', ['2020-01-01T00:00:00.000Z', 1.5]],
    ['a date that is no date', ['not a date', 4]],
    ['a year out of range', ['99999-01-01T00:00:00.000Z', 4]],
    ['nested JSON', [{ date: 1 }, [4]]],
  ])('refuses a cursor holding %s as BAD_USER_INPUT', async (_name, values) => {
    for (const list of ['articles', 'quotes']) {
      const after = await cursorOfList(list, values as unknown[]);
      const result = await api.query(`query ($after: String) { ${list}(first: 2, after: $after) { nodes { id } } }`, { after });
      expect(result.errors?.[0]?.extensions?.code, list).toBe('BAD_USER_INPUT');
    }
  });

  it('refuses a cursor from another list, even one ordered by columns of the same types', async () => {
    const pairs = [
      ['quotes', 'articles'],
      ['articles', 'quotes'],
      ['people', 'sources'],
      ['topics', 'people'],
    ] as const;
    for (const [from, into] of pairs) {
      const page = await api.query(`{ ${from}(first: 1) { pageInfo { endCursor } } }`);
      const after = page.data[from].pageInfo.endCursor;
      const own = await api.query(`query ($after: String) { ${from}(first: 1, after: $after) { nodes { id } } }`, { after });
      expect(own.errors, from).toBeUndefined();
      const result = await api.query(`query ($after: String) { ${into}(first: 1, after: $after) { nodes { id } } }`, { after });
      expect(result.errors?.[0]?.extensions?.code, `${from} -> ${into}`).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toMatch(/another list/);
    }
  });

  it('refuses a name cursor with a NUL in it', async () => {
    const after = await cursorOfList('people', ['a\u0000', 1]);
    const result = await api.query('query ($after: String) { people(first: 2, after: $after) { nodes { id } } }', { after });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers null for a global id beyond any row, as for any unknown id', async () => {
    for (const id of [globalId('Person:9999999999'), globalId('Article:2147483648'), globalId('Quote:0')]) {
      const result = await api.query('query ($id: ID!) { node(id: $id) { id } }', { id });
      expect(result.errors).toBeUndefined();
      expect(result.data.node).toBeNull();
    }
  });

  it('refuses a NUL character in any text argument', async () => {
    const queries = [
      ['{ search(query: "arms\\u0000control") { articles(first: 1) { nodes { id } } } }', {}],
      ['query ($slug: String!) { person(slug: $slug) { id } }', { slug: 'sergey\u0000lavrov' }],
      ['query ($slug: String!) { article(slug: $slug) { id } }', { slug: '\u0000' }],
      ['query ($name: String) { people(first: 5, name: $name) { nodes { id } } }', { name: 'lav\u0000' }],
      ['query ($speaker: String) { quotes(first: 5, speaker: $speaker) { nodes { id } } }', { speaker: 'x\u0000' }],
    ] as const;
    for (const [query, variables] of queries) {
      const result = await api.query(query, variables);
      expect(result.errors?.[0]?.extensions?.code, query).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toMatch(/NUL/);
    }
  });

  it('takes LIKE wildcards in a name prefix literally', async () => {
    const everyone = await api.query('{ people(first: 100) { totalCount } }');
    expect(everyone.data.people.totalCount).toBeGreaterThan(3);
    for (const name of ['%', '_', '%_%', '\\']) {
      const result = await api.query('query ($name: String) { people(first: 100, name: $name) { totalCount } }', { name });
      expect(result.errors, name).toBeUndefined();
      expect(result.data.people.totalCount, name).toBe(0);
    }
    for (const speaker of ['%', '_avrov']) {
      const result = await api.query('query ($speaker: String) { quotes(first: 5, speaker: $speaker) { totalCount } }', { speaker });
      expect(result.data.quotes.totalCount, speaker).toBe(0);
    }
  });

  it('refuses binary-looking article text in the mutation as the command line does', async () => {
    const binary = `Headline\n\n${'\u0001\u0002\u0003 binary '.repeat(200)}`;
    const result = await api.query('mutation ($text: String!) { ingestArticle(text: $text) { created } }', { text: binary }, { authorization: `Bearer ${editorKey}` });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/binary/);
  });

  it('answers a subscription operation as a client error', async () => {
    const response = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'subscription { articles }' }) });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).not.toBe('INTERNAL_SERVER_ERROR');
  });
});
