// PostgreSQL frozen (SIGSTOP on the postmaster and its backends) with connections open: the server
// cannot enforce statement_timeout, so pg's own query timeout must bound every request. Requests
// fail with a clear error while it is frozen, the API stays up, it serves again once PostgreSQL
// runs again, and a connection that timed out is closed, never reused.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectPostgres, type Database } from '../../src/db/client.js';
import { migratePostgres } from '../../src/db/migrate.js';
import { poolReader } from '../../src/db/sql.js';
import { poolWriter } from '../../src/db/writer.js';
import { serveApi, type RunningApi } from '../../src/server.js';
import { createThrowawayPostgres, type ThrowawayPostgres } from '../support/throwaway-postgres.js';

/** Short, so that the test is quick: pg then gives up waiting 1 s later. */
const STATEMENT_TIMEOUT_MS = 1_000;
/** Far longer than any bound the API should keep while PostgreSQL is frozen. */
const FROZEN_FOR_MS = 20_000;

let cluster: ThrowawayPostgres;
let database: Database;
let api: RunningApi;

beforeAll(async () => {
  cluster = await createThrowawayPostgres();
  await migratePostgres(cluster.url);
  database = connectPostgres(cluster.url, { statementTimeout: STATEMENT_TIMEOUT_MS });
  api = await serveApi(database, { host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await cluster?.thaw();
  await api?.close();
  await database?.close();
  await cluster?.destroy();
});

const READ = '{ articles(first: 5) { totalCount nodes { title } } }';

async function post(query: string) {
  const response = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] } };
}

/** `work`, or 'still waiting' if PostgreSQL would have been thawed before it settled. */
function beforeThawing<T>(work: Promise<T>): Promise<T | 'still waiting'> {
  return Promise.race([work, new Promise<'still waiting'>((resolve) => setTimeout(() => resolve('still waiting'), FROZEN_FOR_MS))]);
}

describe('when PostgreSQL freezes', () => {
  it('answers with a clear error while frozen, stays up and serves again once it runs', async () => {
    // Open pool connections first: the hang was on a connection already open.
    await Promise.all(Array.from({ length: 5 }, () => post(READ)));
    await cluster.freeze();
    const frozenAt = performance.now();
    try {
      const during = await beforeThawing(Promise.all([post(READ), post(READ), post(READ), fetch(new URL('/readyz', api.url))]));
      expect(during).not.toBe('still waiting');
      console.log(`answered ${Math.round(performance.now() - frozenAt)} ms into the freeze`);
      const [first, second, third, ready] = during as [Awaited<ReturnType<typeof post>>, Awaited<ReturnType<typeof post>>, Awaited<ReturnType<typeof post>>, Response];
      for (const result of [first, second, third]) {
        expect(result.status).toBeLessThan(500);
        expect(['DATABASE_UNAVAILABLE', 'QUERY_TIMEOUT']).toContain(result.body.errors?.[0]?.extensions?.code);
      }
      expect(ready.status).toBe(503);
      expect((await fetch(new URL('/healthz', api.url))).status).toBe(200);
    } finally {
      await cluster.thaw();
    }
    let served = false;
    for (let attempt = 0; attempt < 100 && !served; attempt++) {
      served = (await post(READ)).body.errors === undefined;
      if (!served) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(served).toBe(true);
  });

  it('closes a connection whose statement got no answer, for reads and for write transactions', async () => {
    // One connection, so that the next statement shows whether it was reused.
    const single = new pg.Pool({ connectionString: cluster.url, max: 1, query_timeout: 500 });
    single.on('error', () => undefined);
    const reader = poolReader(single);
    const writer = poolWriter(single);
    const backend = async () => (await reader.query<{ pid: number }>('SELECT pg_backend_pid() AS pid', []))[0]!.pid;
    const writingBackend = () => writer.transaction(async (session) => (await session.query<{ pid: number }>('SELECT pg_backend_pid() AS pid', []))[0]!.pid);
    try {
      const before = await backend();
      await cluster.freeze();
      try {
        expect(await beforeThawing(reader.query('SELECT 1', []).catch((error: Error) => error.message))).toBe('Query read timeout');
      } finally {
        await cluster.thaw();
      }
      const afterRead = await backend();
      expect(afterRead).not.toBe(before);

      await cluster.freeze();
      try {
        expect(await beforeThawing(writingBackend().catch((error: Error) => error.message))).toBe('Query read timeout');
      } finally {
        await cluster.thaw();
      }
      expect(await writingBackend()).not.toBe(afterRead);
    } finally {
      await single.end();
    }
  });
});
