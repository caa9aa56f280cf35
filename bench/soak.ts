// Drives a mixed read load at the API for a set time with autocannon and reports throughput, latency
// percentiles and errors. Without --url it starts the built server on a fresh seeded database of its
// own and drops it afterwards.
//   npm run soak -- [--duration 30] [--connections 20] [--url http://127.0.0.1:4000/graphql]
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { connectPostgres } from '../src/db/client.js';
import { migratePostgres } from '../src/db/migrate.js';
import { packageRoot } from '../src/package-root.js';
import { seedDatabase } from '../src/seeds.js';
import { importBenchDependency } from './dependencies.js';

const { default: autocannon } = await importBenchDependency<{ default: typeof import('autocannon') }>('autocannon');

const QUERIES = [
  '{ person(slug: "sergey-lavrov") { name aliases quotes(first: 20) { totalCount edges { node { text article { title source { name } } } } } } }',
  '{ articles(first: 20) { nodes { title source { name } topics(first: 5) { nodes { name } } quotes(first: 5) { nodes { text speaker { name } } } } } }',
  '{ quotes(speaker: "Pompeo", first: 10) { totalCount nodes { text kind } } }',
  '{ search(query: "arms control") { articles(first: 5) { nodes { title } } quotes(first: 5) { nodes { text } } } }',
];

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : (process.argv[index + 1] ?? fallback);
}

async function adminQuery(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: process.env.DATABASE_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres' });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

async function startServer(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [path.join(packageRoot, 'dist/quotegraph.mjs'), 'serve'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', NODE_ENV: 'production', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /GraphQL API[^:]*: (http\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the server exited with code ${code} before listening`)));
  });
  return { url, child };
}

function peakRss(pid: number, peak: { kib: number }): NodeJS.Timeout {
  return setInterval(() => {
    readFile(`/proc/${pid}/status`, 'utf8')
      .then((status) => {
        const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
        peak.kib = Math.max(peak.kib, kib);
      })
      .catch(() => undefined);
  }, 250);
}

async function main(): Promise<void> {
  const duration = Number(option('duration', '30'));
  const connections = Number(option('connections', '20'));
  let url = option('url', '');
  let child: ChildProcess | undefined;
  let databaseName: string | undefined;

  if (!url) {
    databaseName = `quotegraph_soak_${Date.now()}`;
    await adminQuery(`CREATE DATABASE "${databaseName}"`);
    const databaseUrl = `postgresql://postgres@127.0.0.1:5432/${databaseName}`;
    await migratePostgres(databaseUrl);
    const database = connectPostgres(databaseUrl);
    await seedDatabase(database.writer);
    await database.close();
    ({ url, child } = await startServer(databaseUrl));
  }

  const peak = { kib: 0 };
  const sampler = child?.pid ? peakRss(child.pid, peak) : undefined;
  try {
    console.log(`soak: ${connections} connections for ${duration} s against ${url}`);
    const result = await autocannon({
      url,
      connections,
      duration,
      requests: QUERIES.map((query) => ({
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      })),
    });
    const errors = result.errors + result.timeouts + result.non2xx;
    console.log(`requests     ${result.requests.total}`);
    console.log(`throughput   ${result.requests.average.toFixed(0)} req/s`);
    console.log(`latency      p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`);
    console.log(`errors       ${errors} (connection errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx})`);
    if (child) console.log(`server RSS   peak ${(peak.kib / 1024).toFixed(0)} MiB`);
    process.exitCode = errors > 0 ? 1 : 0;
  } finally {
    if (sampler) clearInterval(sampler);
    if (child) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    if (databaseName) await adminQuery(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
  }
}

main().catch((error: unknown) => {
  console.error(`soak: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
