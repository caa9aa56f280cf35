// CORS for a public read API: any origin reads with no configuration; a key is accepted only from
// the origins in QUOTEGRAPH_CORS_ORIGINS (and the API's own); preflights reflect the safe headers asked for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/auth/api-keys.js';
import { serveApi, type RunningApi } from '../../src/server.js';
import { startTestApi, type TestApi } from '../support/api.js';

/** No origins configured. */
let api: TestApi;
/** `https://desk.example` may send keys. */
let configured: RunningApi;
let editorKey: string;
beforeAll(async () => {
  api = await startTestApi();
  configured = await serveApi(api.database, { host: '127.0.0.1', port: 0, logLevel: 'silent', corsOrigins: ['https://desk.example'] });
  editorKey = await createApiKey(api.database.writer, 'cors-editor', 'EDITOR');
});
afterAll(async () => {
  await configured?.close();
  await api?.close();
});

const READ = JSON.stringify({ query: '{ articles(first: 1) { totalCount } }' });

function preflight(url: string, origin: string, headers: string) {
  return fetch(url, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': headers },
  });
}

describe('CORS', () => {
  it('lets a page on any origin read, with no configuration, and read x-request-id', async () => {
    const response = await fetch(api.url, {
      method: 'POST',
      headers: { origin: 'https://reader.example', 'content-type': 'application/json' },
      body: READ,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-expose-headers')).toContain('x-request-id');
    expect(((await response.json()) as any).data.articles.totalCount).toBeGreaterThan(0);
  });

  it("answers a preflight with Apollo Client's headers reflected, and without authorization for an origin not listed", async () => {
    const asked = 'content-type, apollographql-client-name, apollographql-client-version, authorization, x-evil';
    const response = await preflight(api.url, 'https://reader.example', asked);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const allowed = response.headers.get('access-control-allow-headers')!.split(', ');
    expect(allowed).toEqual(['content-type', 'apollographql-client-name', 'apollographql-client-version']);
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('allows authorization from a listed origin, reflecting that origin', async () => {
    const response = await preflight(configured.url, 'https://desk.example', 'authorization, content-type');
    expect(response.headers.get('access-control-allow-origin')).toBe('https://desk.example');
    expect(response.headers.get('access-control-allow-headers')).toBe('authorization, content-type');
    expect(response.headers.get('vary')).toContain('origin');
    const write = await fetch(configured.url, {
      method: 'POST',
      headers: { origin: 'https://desk.example', 'content-type': 'application/json', authorization: `Bearer ${editorKey}` },
      body: READ,
    });
    expect(write.status).toBe(200);
    expect(write.headers.get('access-control-allow-origin')).toBe('https://desk.example');
  });

  it('refuses a request carrying a key from an origin not listed, before running it', async () => {
    const response = await fetch(configured.url, {
      method: 'POST',
      headers: { origin: 'https://reader.example', 'content-type': 'application/json', authorization: `Bearer ${editorKey}` },
      body: JSON.stringify({ query: 'mutation { deleteTopic(input: { id: "no-such-topic" }) { deletedId } }' }),
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it("accepts a key from the API's own origin (the IDE)", async () => {
    const own = new URL(api.url).origin;
    const response = await fetch(api.url, {
      method: 'POST',
      headers: { origin: own, 'content-type': 'application/json', authorization: `Bearer ${editorKey}` },
      body: READ,
    });
    expect(response.status).toBe(200);
  });
});
