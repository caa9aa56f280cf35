// HTTP caching of anonymous GET reads: Cache-Control from the operation's hints, an ETag answered
// with 304, Cache-Tag / Surrogate-Key naming the objects in the answer; keys and errors are not cached.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/auth/api-keys.js';
import { startTestApi, type TestApi } from '../support/api.js';

let api: TestApi;
let editorKey: string;
beforeAll(async () => {
  api = await startTestApi();
  editorKey = await createApiKey(api.database.writer, 'cache-editor', 'EDITOR');
});
afterAll(() => api?.close());

/** Apollo's CSRF guard wants a header a browser cannot send without a preflight on GET queries. */
const GET_HEADERS = { 'apollo-require-preflight': 'true' };

function get(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
  const url = new URL(api.url);
  url.searchParams.set('query', query);
  if (variables) url.searchParams.set('variables', JSON.stringify(variables));
  return fetch(url, { headers: { ...GET_HEADERS, ...headers } });
}

const ARTICLE = 'query ($slug: String!) { article(slug: $slug) { id title } }';
const NEWEST = '{ articles(first: 5) { nodes { id title } } }';
const QUOTES_WITH_ARTICLES = '{ quotes(first: 10, speaker: "Lavrov") { nodes { text article { title } } } }';

let slug: string;
beforeAll(async () => {
  const result = await api.query('{ quotes(first: 1, speaker: "Lavrov") { nodes { article { slug } } } }');
  slug = result.data.quotes.nodes[0].article.slug;
});

describe('HTTP caching', () => {
  it('answers a GET read with Cache-Control and an ETag, and a repeat with If-None-Match with 304', async () => {
    const first = await get(ARTICLE, { slug });
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('public, max-age=300');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]{32}"$/);
    const body = await first.text();
    expect(JSON.parse(body).data.article.title).toBeTruthy();
    const again = await get(ARTICLE, { slug }, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('cache-control')).toBe('public, max-age=300');
  });

  it('takes the shortest hint of the fields selected: newest lists for seconds, lookups for longer, the change feed not at all', async () => {
    expect((await get(NEWEST)).headers.get('cache-control')).toBe('public, max-age=10');
    expect((await get(`query ($slug: String!) { article(slug: $slug) { title } articles(first: 1) { nodes { title } } }`, { slug })).headers.get('cache-control')).toBe(
      'public, max-age=10',
    );
    expect((await get('{ people(first: 3) { nodes { name } } }')).headers.get('cache-control')).toBe('public, max-age=60');
    // An article's own quotes change only with the article.
    expect((await get(`query ($slug: String!) { article(slug: $slug) { quotes(first: 5) { nodes { text } } } }`, { slug })).headers.get('cache-control')).toBe(
      'public, max-age=300',
    );
    expect((await get('{ changesSince(first: 1) { cursor } }')).headers.get('cache-control')).toBe('no-store');
  });

  it('marks an answer to a request with a key private, no-store, GET or POST, and caches no error and no POST', async () => {
    const withKey = await get(ARTICLE, { slug }, { authorization: `Bearer ${editorKey}` });
    expect(withKey.headers.get('cache-control')).toBe('private, no-store');
    expect(withKey.headers.get('etag')).toBeNull();
    const posted = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${editorKey}` },
      body: JSON.stringify({ query: NEWEST }),
    });
    expect(posted.headers.get('cache-control')).toBe('private, no-store');
    const anonymousPost = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: NEWEST }) });
    expect(anonymousPost.headers.get('cache-control')).toBeNull();
    const failed = await get('{ articles(first: 5, after: "not-a-cursor") { nodes { title } } }');
    expect(failed.headers.get('cache-control')).toBe('no-store');
    expect(failed.headers.get('etag')).toBeNull();
  });

  it('names the articles, people and topics in the answer in Cache-Tag and Surrogate-Key', async () => {
    const query = `query ($slug: String!) { article(slug: $slug) { id title topics(first: 5) { nodes { name } } quotes(first: 5) { nodes { speaker { name } } } } }`;
    const response = await get(query, { slug });
    const { data } = (await response.json()) as any;
    const tags = response.headers.get('cache-tag')!.split(',');
    expect(response.headers.get('surrogate-key')!.split(' ')).toEqual(tags);
    const articleId = Buffer.from(data.article.id, 'base64url').toString().split(':')[1];
    expect(tags).toContain(`article-${articleId}`);
    expect(tags.some((tag) => tag.startsWith('topic-'))).toBe(true);
    expect(tags.some((tag) => tag.startsWith('person-'))).toBe(true);
    expect(tags.some((tag) => tag.startsWith('quote-'))).toBe(true);
  });

  it('changes the ETag of every answer that included an article when the article changes', async () => {
    const queries: [string, Record<string, unknown> | undefined][] = [
      [ARTICLE, { slug }],
      [QUOTES_WITH_ARTICLES, undefined],
      [`query ($slug: String!) { article(slug: $slug) { title } }`, { slug }],
    ];
    const before = await Promise.all(queries.map(async ([query, variables]) => (await get(query, variables)).headers.get('etag')!));
    const { data } = await api.query('query ($slug: String!) { article(slug: $slug) { id } }', { slug });
    const edit = await api.query(
      'mutation ($id: ID!) { updateArticle(input: { article: $id, title: "A title an editor gave it" }) { article { title } } }',
      { id: data.article.id },
      { authorization: `Bearer ${editorKey}` },
    );
    expect(edit.errors).toBeUndefined();
    for (const [index, [query, variables]] of queries.entries()) {
      const after = await get(query, variables, { 'if-none-match': before[index]! });
      expect(after.status, query).toBe(200);
      expect(after.headers.get('etag')).not.toBe(before[index]);
      expect(await after.text()).toContain('A title an editor gave it');
    }
  });

  it('caches an APQ GET (a hash with no query text) like any GET', async () => {
    const query = '{ topics(first: 3) { nodes { name } } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash } });
    const url = new URL(api.url);
    url.searchParams.set('extensions', extensions);
    const unknown = await fetch(url, { headers: GET_HEADERS });
    expect(((await unknown.json()) as any).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const register = new URL(url);
    register.searchParams.set('query', query);
    expect((await fetch(register, { headers: GET_HEADERS })).status).toBe(200);
    const cached = await fetch(url, { headers: GET_HEADERS });
    expect(cached.status).toBe(200);
    expect(cached.headers.get('cache-control')).toBe('public, max-age=60');
    const etag = cached.headers.get('etag')!;
    expect((await fetch(url, { headers: { ...GET_HEADERS, 'if-none-match': etag } })).status).toBe(304);
  });
});
