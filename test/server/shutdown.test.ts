// SIGTERM stops the built server gracefully, on PostgreSQL and on the embedded database: in-flight
// requests finish, keep-alive clients are told `Connection: close` and find the server gone when
// they reconnect, no request fails or is cut off, the database is closed and the process exits 0.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBuiltServer as startServer } from '../support/built-server.js';
import { copyEmbeddedTemplate, createTestDatabase, type TestDatabase } from '../support/database.js';
import { emptyTally, loopKeepAliveClients, serverErrors } from '../support/keep-alive-clients.js';

const QUERY = JSON.stringify({
  query: '{ articles(first: 20) { nodes { title quotes(first: 20) { nodes { text speaker { name quotes(first: 20) { totalCount } } } } } } }',
});

let testDatabase: TestDatabase;
let embeddedFolder: string;
beforeAll(async () => {
  testDatabase = await createTestDatabase({ seeded: true });
  embeddedFolder = await mkdtemp(path.join(tmpdir(), 'quotegraph-shutdown-'));
  await copyEmbeddedTemplate(path.join(embeddedFolder, 'pglite'));
});

afterAll(async () => {
  await testDatabase?.drop();
  if (embeddedFolder) await rm(embeddedFolder, { recursive: true, force: true });
});

describe('graceful shutdown', () => {
  it('finishes in-flight requests, then exits 0', async () => {
    const server = await startServer({ DATABASE_URL: testDatabase.url });
    try {
      // A request refused at connect (the server had stopped accepting) was never in flight: null.
      const inFlight = Array.from({ length: 8 }, () =>
        fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: QUERY }).then(
          (response) => response.status,
          () => null,
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 20));
      server.terminate();
      const statuses = await Promise.all(inFlight);
      // Every request the server had accepted was answered in full.
      expect(statuses.filter((status) => status !== null).every((status) => status === 200)).toBe(true);
      expect(statuses).toContain(200);
      expect(await server.exited).toBe(0);
      expect(server.output()).toMatch(/"msg":"stopped"/);
      await expect(fetch(server.url, { method: 'POST', body: QUERY })).rejects.toThrow();
    } finally {
      server.kill();
    }
  });

  describe.each([
    { kind: 'PostgreSQL', environment: () => ({ DATABASE_URL: testDatabase.url }) },
    // A copy of the migrated template: the first start seeds it.
    { kind: 'the embedded database', environment: () => ({ QUOTEGRAPH_DATA_DIR: path.join(embeddedFolder, 'pglite') }) },
  ])('on $kind, under keep-alive load', ({ environment }) => {
    it('answers every request, cuts none off, tells the clients to reconnect and exits 0', async () => {
      const server = await startServer(environment());
      try {
        const tally = emptyTally();
        const clients = 4;
        const load = loopKeepAliveClients(server.url, QUERY, clients, tally, server.exited);
        while (tally.requests < 20) await new Promise((resolve) => setTimeout(resolve, 20));
        server.terminate();
        expect(await server.exited).toBe(0);
        await load;
        expect(serverErrors(tally)).toBe(0);
        expect(tally.resets).toEqual([]);
        expect(tally.connectionClose).toBeGreaterThan(0);
        // Each client found the server gone when it reconnected, as it would behind a balancer.
        expect(tally.refused).toBe(clients);
        expect(server.output()).toMatch(/"msg":"stopped"/);
      } finally {
        server.kill();
      }
    });

    it('exits 0 when idle', async () => {
      const server = await startServer(environment());
      try {
        server.terminate();
        expect(await server.exited).toBe(0);
        expect(server.output()).toMatch(/"msg":"stopped"/);
      } finally {
        server.kill();
      }
    });
  });
});
