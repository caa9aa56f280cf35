// Sends SIGTERM to the built server while keep-alive clients loop requests at it, and reports what
// the clients saw (statuses, connections reset mid-request, refusals at connect), the exit code and
// how long the server took to exit. With --clients 0 it measures an idle server.
//   npm run drill:shutdown -- [--database postgres|embedded] [--clients 4] [--load-ms 1000]
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { connectPostgres } from '../src/db/client.js';
import { migratePostgres } from '../src/db/migrate.js';
import { packageRoot } from '../src/package-root.js';
import { seedDatabase } from '../src/seeds.js';
import { emptyTally, loopKeepAliveClients, serverErrors } from '../test/support/keep-alive-clients.js';

const QUERY = JSON.stringify({
  query: '{ articles(first: 20) { nodes { title quotes(first: 10) { nodes { text speaker { name } } } } } }',
});

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : (process.argv[index + 1] ?? fallback);
}

const adminUrl = process.env.DATABASE_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

async function adminQuery(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

function startServer(environment: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, [path.join(packageRoot, 'dist/quotegraph.mjs'), 'serve'], {
    env: { ...inherited, PORT: '0', LOG_LEVEL: 'warn', ...environment },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /GraphQL API[^:]*: (http\S+)/.exec(output);
      if (match) resolve({ url: match[1]!, child });
    });
    child.once('exit', (code) => reject(new Error(`the server exited with code ${code} before listening`)));
  });
}

async function main(): Promise<void> {
  const kind = option('database', 'postgres');
  const clients = Number(option('clients', '4'));
  const loadMs = Number(option('load-ms', '1000'));
  let cleanup = async () => undefined as void;
  let environment: Record<string, string>;
  if (kind === 'postgres') {
    const name = `quotegraph_drill_${Date.now()}`;
    await adminQuery(`CREATE DATABASE "${name}"`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    await migratePostgres(url.toString());
    const database = connectPostgres(url.toString());
    await seedDatabase(database.writer);
    await database.close();
    environment = { DATABASE_URL: url.toString() };
    cleanup = () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } else if (kind === 'embedded') {
    const folder = await mkdtemp(path.join(tmpdir(), 'quotegraph-drill-'));
    environment = { QUOTEGRAPH_DATA_DIR: path.join(folder, 'pglite') };
    cleanup = () => rm(folder, { recursive: true, force: true });
  } else {
    throw new Error(`--database must be postgres or embedded, not ${kind}`);
  }

  try {
    const { url, child } = await startServer(environment);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const tally = emptyTally();
    const loops = loopKeepAliveClients(url, QUERY, clients, tally, exited);
    await new Promise((resolve) => setTimeout(resolve, loadMs));
    const before = tally.requests;
    const signalled = performance.now();
    child.kill('SIGTERM');
    const code = await exited;
    const shutdownMs = performance.now() - signalled;
    await loops;
    console.log(`database        ${kind}, ${clients} keep-alive client(s)`);
    console.log(`requests        ${tally.requests} (${tally.requests - before} after SIGTERM)`);
    console.log(`statuses        ${[...tally.statuses].map(([status, count]) => `${status}: ${count}`).join(', ') || 'none'}`);
    console.log(`5xx             ${serverErrors(tally)}`);
    console.log(`Connection: close answers ${tally.connectionClose}`);
    console.log(`resets          ${tally.resets.length}${tally.resets.length ? ` (${[...new Set(tally.resets)].join(', ')})` : ''}`);
    console.log(`refused         ${tally.refused}`);
    console.log(`exit code       ${code}`);
    console.log(`shutdown        ${Math.round(shutdownMs)} ms`);
    process.exitCode = serverErrors(tally) > 0 || tally.resets.length > 0 || code !== 0 ? 1 : 0;
  } finally {
    await cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(`drill: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
