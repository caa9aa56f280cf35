// The database goes away under load: requests fail fast with a clear error, the server stays up,
// it serves again on its own once the database is back, and no acknowledged write is lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/auth/api-keys.js';
import { connectPostgres, type Database } from '../support/prisma.js';
import { migratePostgres } from '../../src/db/migrate.js';
import { serveApi, type RunningApi } from '../../src/server.js';
import { createThrowawayPostgres, type ThrowawayPostgres } from '../support/throwaway-postgres.js';

let cluster: ThrowawayPostgres;
let database: Database;
let api: RunningApi;
let editorKey: string;

beforeAll(async () => {
  cluster = await createThrowawayPostgres();
  await migratePostgres(cluster.url);
  database = connectPostgres(cluster.url, { statementTimeout: 5_000 });
  editorKey = await createApiKey(database.writer, 'outage-test', 'EDITOR');
  api = await serveApi(database, { host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await api?.close();
  await database?.close();
  await cluster?.destroy();
});

const INGEST = 'mutation ($text: String!) { ingestArticle(text: $text) { created article { slug } } }';
const READ = '{ articles(first: 5) { totalCount } }';

async function post(query: string, variables?: Record<string, unknown>) {
  const started = performance.now();
  const response = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${editorKey}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] };
  return { status: response.status, body, ms: performance.now() - started };
}

function story(index: number): string {
  return `Outage test story ${index}\n\nBy Test Writer, Reuters\n\nThe city council met on day ${index}. "We keep going," Mayor Ana Lopez said.\n`;
}

describe('when PostgreSQL stops under load', () => {
  it('fails fast, stays up, recovers by itself and keeps every acknowledged write', async () => {
    const acknowledged: string[] = [];
    let index = 0;
    const write = async () => {
      const result = await post(INGEST, { text: story(index++) });
      const slug = result.body.data?.ingestArticle?.article?.slug;
      if (slug) acknowledged.push(slug);
      return result;
    };

    for (let round = 0; round < 10; round++) await Promise.all([write(), post(READ)]);
    expect(acknowledged).toHaveLength(10);

    // Writes in flight while the database stops: each either succeeds (and must survive) or fails.
    const inFlight = Promise.all(Array.from({ length: 6 }, () => write()));
    await cluster.stop();
    await inFlight;

    const during = await Promise.all([post(READ), write(), post(READ)]);
    for (const result of during) {
      expect(result.status).toBeLessThan(500);
      expect(result.body.errors?.[0]?.extensions?.code).toBe('DATABASE_UNAVAILABLE');
      expect(result.ms).toBeLessThan(5_000);
    }
    const origin = new URL(api.url).origin;
    expect((await fetch(`${origin}/readyz`)).status).toBe(503);
    expect((await fetch(`${origin}/healthz`)).status).toBe(200);

    await cluster.start();
    const restarted = performance.now();
    let recoveredAfter = Infinity;
    while (performance.now() - restarted < 20_000) {
      const result = await post(READ);
      if (!result.body.errors) {
        recoveredAfter = performance.now() - restarted;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    console.log(`served again ${Math.round(recoveredAfter)} ms after PostgreSQL restarted`);
    expect(recoveredAfter).toBeLessThan(10_000);
    expect((await fetch(`${origin}/readyz`)).status).toBe(200);

    const stored = await database.prisma.article.findMany({ select: { slug: true } });
    const storedSlugs = new Set(stored.map((article) => article.slug));
    expect(acknowledged.filter((slug) => !storedSlugs.has(slug))).toEqual([]);
    // Nothing half-written: every stored article has its quotes.
    expect(await database.prisma.article.count({ where: { quotes: { none: {} } } })).toBe(0);
  });
});
