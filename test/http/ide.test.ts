// The GraphQL IDE over HTTP: the page and its files, all from this server, and the API unchanged beside it.
import { parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { buildQuotegraphSchema } from '../../src/graphql/schema.js';
import { EXAMPLE_QUERY } from '../../src/http/example-query.js';
import { serveApi, type RunningApi } from '../../src/server.js';

// Hosts whose fonts or scripts other IDE builds load at start; none may appear in what we serve.
const CDN_HOSTS = ['fonts.googleapis.com', 'fonts.gstatic.com', 'unpkg.com', 'cdn.jsdelivr.net', 'cdnjs.cloudflare.com', 'esm.sh'];

/** Nothing here reads the database: `{ __typename }` and the IDE's files are answered without it. */
const noDatabase: Database = {
  sql: {
    query: () => {
      throw new Error('the IDE tests do not use the database');
    },
  },
  writer: {
    transaction: () => {
      throw new Error('the IDE tests do not use the database');
    },
  },
  listen: () => Promise.reject(new Error('the IDE tests do not use the database')),
  kind: 'postgres',
  location: 'none',
  close: async () => {},
};

interface ServedFile {
  status: number;
  headers: Headers;
  text: string;
}

function origin(api: RunningApi): string {
  return new URL(api.url).origin;
}

function openInBrowser(url: string): Promise<Response> {
  return fetch(url, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
}

/** The src of every script and href of every link in the page. */
function pageReferences(html: string): string[] {
  return [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((match) => match[1]!);
}

describe('the GraphQL IDE', () => {
  let api: RunningApi;
  let page: string;
  /** Every file the page loads, by URL, as served. */
  const files = new Map<string, ServedFile>();

  beforeAll(async () => {
    api = await serveApi(noDatabase, { host: '127.0.0.1', port: 0, ide: true, introspection: true });
    page = await (await openInBrowser(api.url)).text();
    for (const reference of pageReferences(page).filter((url) => !url.startsWith('data:'))) {
      const url = new URL(reference, api.url).href;
      const response = await fetch(url);
      files.set(url, { status: response.status, headers: response.headers, text: await response.text() });
    }
  });

  afterAll(() => api?.close());

  it('is the page a browser gets from GET /graphql', async () => {
    const response = await openInBrowser(api.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page).toContain('<div id="graphiql">');
  });

  it('loads React, GraphiQL and its styles from this server, each with a type and a long cache', () => {
    const names = [...files.keys()].map((url) => new URL(url).pathname);
    expect(names).toEqual(
      expect.arrayContaining([
        '/ide/react.production.min.js',
        '/ide/react-dom.production.min.js',
        '/ide/graphiql.min.js',
        '/ide/graphiql.min.css',
        '/ide/start.js',
      ]),
    );
    for (const [url, file] of files) {
      expect(file.status, url).toBe(200);
      expect(new URL(url).origin, url).toBe(origin(api));
      expect(new URL(url).searchParams.get('v'), url).toMatch(/^[0-9a-f]{12}$/);
      expect(file.headers.get('content-type'), url).toBe(url.includes('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8');
      expect(file.headers.get('cache-control'), url).toBe('public, max-age=31536000, immutable');
      expect(file.text.length, url).toBeGreaterThan(0);
    }
    const graphiql = [...files].find(([url]) => url.includes('/ide/graphiql.min.js'))![1];
    expect(graphiql.text).toContain('window.GraphiQL');
  });

  it('opens with the example query, posting to /graphql on the same origin', () => {
    const start = [...files].find(([url]) => url.includes('/ide/start.js'))![1].text;
    expect(start).toContain(JSON.stringify(EXAMPLE_QUERY));
    expect(start).toContain('location.origin + location.pathname');
  });

  it('refers to no other host: page links relative, CSS urls inlined, no font or CDN host in any file', () => {
    for (const reference of pageReferences(page)) expect(reference).toMatch(/^(ide\/[\w.-]+\?v=[0-9a-f]+|data:.*)$/);
    const css = [...files].filter(([url]) => url.includes('.css')).map(([, file]) => file.text);
    expect(css.length).toBeGreaterThan(0);
    for (const text of css) {
      expect(text).not.toMatch(/@import/);
      for (const [, target] of text.matchAll(/url\(\s*['"]?([^'")]*)/g)) expect(target).toMatch(/^data:/);
    }
    for (const text of [page, ...[...files.values()].map((file) => file.text)]) {
      for (const host of CDN_HOSTS) expect(text).not.toContain(host);
    }
  });

  it('answers unknown /ide/ paths with 404', async () => {
    for (const path of ['/ide/', '/ide/nothing.js', '/ide/package.json', '/ide/..%2Fpackage.json', '/ide/graphiql.min.js/']) {
      expect((await fetch(`${origin(api)}${path}`)).status, path).toBe(404);
    }
  });

  it('leaves the API to clients: a POST, a GET with a query, a GET asking for JSON', async () => {
    const posted = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/html, application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await posted.json()).toMatchObject({ data: { __typename: 'Query' } });

    // Apollo's CSRF guard wants a preflight header on GET queries; the IDE must not answer either way.
    const withQuery = await fetch(`${api.url}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'text/html, application/json', 'apollo-require-preflight': 'true' },
    });
    expect(withQuery.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json/);
    expect(await withQuery.json()).toMatchObject({ data: { __typename: 'Query' } });

    const asJson = await fetch(api.url, { headers: { accept: 'application/json' } });
    expect(asJson.headers.get('content-type')).not.toMatch(/text\/html/);
  });

  it('is not served when the IDE is off', async () => {
    const withoutIde = await serveApi(noDatabase, { host: '127.0.0.1', port: 0, ide: false, introspection: true });
    try {
      const response = await openInBrowser(withoutIde.url);
      expect(response.headers.get('content-type')).not.toMatch(/text\/html/);
      expect((await fetch(`${origin(withoutIde)}/ide/graphiql.min.js`)).status).toBe(404);
    } finally {
      await withoutIde.close();
    }
  });
});

describe('the example query', () => {
  it('is valid against the schema', async () => {
    expect(validate(await buildQuotegraphSchema(), parse(EXAMPLE_QUERY))).toEqual([]);
  });
});
