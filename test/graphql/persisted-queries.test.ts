// APQ across instances (query texts in Redis when REDIS_URL is set), and the trusted-documents mode
// (QUOTEGRAPH_TRUSTED_DOCUMENTS): only the manifest's operations run.
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveApi, type RunningApi } from '../../src/server.js';
import { startTestApi, type TestApi } from '../support/api.js';

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A GET by hash only (what a CDN can cache), optionally with the text (which registers it). */
async function byHash(url: string, query: string, withText = false) {
  const target = new URL(url);
  target.searchParams.set('extensions', JSON.stringify({ persistedQuery: { version: 1, sha256Hash: sha256(query) } }));
  if (withText) target.searchParams.set('query', query);
  const response = await fetch(target, { headers: { 'apollo-require-preflight': 'true' } });
  return { status: response.status, ...((await response.json()) as any) };
}

async function post(url: string, query: string) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return { status: response.status, ...((await response.json()) as any) };
}

let api: TestApi;
const servers: RunningApi[] = [];
let folder: string;
beforeAll(async () => {
  api = await startTestApi({ config: { redisUrl: REDIS_URL } });
  servers.push(await serveApi(api.database, { host: '127.0.0.1', port: 0, logLevel: 'silent', redisUrl: REDIS_URL }));
  folder = await mkdtemp(path.join(tmpdir(), 'quotegraph-trusted-'));
});
afterAll(async () => {
  for (const server of servers) await server.close();
  await api?.close();
  await rm(folder, { recursive: true, force: true });
});

describe('persisted queries', () => {
  it('are shared by instances through Redis: registered on one, found by hash on another', async () => {
    // A text no earlier run registered, so that the first lookup misses.
    const query = `query Fresh${randomUUID().replaceAll('-', '')} { topics(first: 2) { nodes { name } } }`;
    expect((await byHash(servers[0]!.url, query)).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await byHash(api.url, query, true)).data.topics.nodes.length).toBeGreaterThan(0);
    const found = await byHash(servers[0]!.url, query);
    expect(found.errors).toBeUndefined();
    expect(found.data.topics.nodes.length).toBeGreaterThan(0);
  });

  it('run only the manifest\'s operations in trusted-documents mode, by hash or by their text', async () => {
    const allowed = '{ articles(first: 1) { nodes { title } } }';
    const manifest = path.join(folder, 'persisted-documents.json');
    await writeFile(manifest, JSON.stringify({ [sha256(allowed)]: allowed }));
    const trusted = await serveApi(api.database, { host: '127.0.0.1', port: 0, logLevel: 'silent', trustedDocuments: manifest });
    servers.push(trusted);
    expect((await byHash(trusted.url, allowed)).data.articles.nodes).toHaveLength(1);
    expect((await post(trusted.url, allowed)).data.articles.nodes).toHaveLength(1);
    const other = await post(trusted.url, '{ people(first: 1) { nodes { name } } }');
    expect(other.status).toBe(400);
    expect(other.errors[0].extensions.code).toBe('OPERATION_NOT_TRUSTED');
    expect(other.data).toBeUndefined();
    // Registering a new text by APQ is no way round it.
    const registered = await byHash(trusted.url, '{ sources(first: 1) { nodes { name } } }', true);
    expect(registered.errors[0].extensions.code).toBe('OPERATION_NOT_TRUSTED');
  });
});
