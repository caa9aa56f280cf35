// SIGTERM stops the built server gracefully: in-flight requests finish, new ones are refused, the
// database is closed and the process exits 0 in bounded time.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectPostgres } from '../../src/db/client.js';
import { packageRoot } from '../../src/package-root.js';
import { seedDatabase } from '../../src/seeds.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let testDatabase: TestDatabase;
let server: ChildProcess;
let url: string;
let output = '';

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  const database = connectPostgres(testDatabase.url);
  await seedDatabase(database.writer);
  await database.close();
  server = spawn(process.execPath, [path.join(packageRoot, 'dist/quotegraph.mjs'), 'serve'], {
    env: { ...process.env, DATABASE_URL: testDatabase.url, PORT: '0', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  url = await new Promise<string>((resolve, reject) => {
    server.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /GraphQL API[^:]*: (http\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.once('exit', (code) => reject(new Error(`server exited early with ${code}: ${output}`)));
  });
}, 60_000);

afterAll(async () => {
  if (server.exitCode === null) server.kill('SIGKILL');
  await testDatabase?.drop();
});

describe('graceful shutdown', () => {
  it('finishes in-flight requests, then exits 0', async () => {
    const query = JSON.stringify({
      query: '{ articles(first: 20) { nodes { title quotes(first: 20) { nodes { text speaker { name quotes(first: 20) { totalCount } } } } } } }',
    });
    // A request refused at connect (the server had stopped accepting) was never in flight: null.
    const inFlight = Array.from({ length: 8 }, () =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: query }).then(
        (response) => response.status,
        () => null,
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
    const signalled = performance.now();
    server.kill('SIGTERM');

    const statuses = await Promise.all(inFlight);
    // Every request the server had accepted was answered in full.
    expect(statuses.filter((status) => status !== null).every((status) => status === 200)).toBe(true);
    expect(statuses).toContain(200);
    expect(await exited).toBe(0);
    expect(performance.now() - signalled).toBeLessThan(10_000);
    expect(output).toMatch(/"msg":"stopped"/);
    await expect(fetch(url, { method: 'POST', body: query })).rejects.toThrow();
  });
});
