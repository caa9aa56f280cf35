// Sends many distinct query shapes at the built server on PostgreSQL and reports the memory its
// PostgreSQL backends hold afterwards: every distinct statement text a connection runs prepared
// stays in its backend (parse tree and plan) until deallocated or the connection closes.
//   npm run measure:prepared -- [--shapes 2000] [--rounds 3] [--concurrency 10] [--server dist/quotegraph.mjs]
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { connectPostgres } from '../src/db/client.js';
import { migratePostgres } from '../src/db/migrate.js';
import { packageRoot } from '../src/package-root.js';
import { seedDatabase } from '../src/seeds.js';

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : (process.argv[index + 1] ?? fallback);
}

const adminUrl = process.env.DATABASE_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const QUOTE_FIELDS = ['text', 'kind', 'position', 'startOffset', 'endOffset', 'speakerDescription', 'date'];

/**
 * The i-th distinct shape: page sizes are written into the statements, and each set of selected
 * fields reads its own columns, so every shape is a statement text of its own.
 */
function shape(index: number): string {
  const articles = 1 + (index % 20);
  const quotes = 1 + (Math.floor(index / 20) % 10);
  const variant = Math.floor(index / 200) + 1;
  const fields = QUOTE_FIELDS.filter((_, bit) => variant & (1 << bit)).join(' ');
  return `{ articles(first: ${articles}) { nodes { title quotes(first: ${quotes}) { nodes { ${fields} speaker { name } } } } } }`;
}

async function startServer(program: string, databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [program, 'serve'], {
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

/** kB from /proc/PID/smaps_rollup (needs the rights to read PostgreSQL's processes). */
async function backendMemory(pid: number): Promise<{ rss: number; private: number }> {
  const rollup = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(rollup)?.[1] ?? 0);
  return { rss: field('Rss'), private: field('Private_Clean') + field('Private_Dirty') };
}

async function main(): Promise<void> {
  const shapes = Number(option('shapes', '2000'));
  const rounds = Number(option('rounds', '3'));
  const concurrency = Number(option('concurrency', '10'));
  const program = path.resolve(option('server', path.join(packageRoot, 'dist/quotegraph.mjs')));
  const name = `quotegraph_prepared_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const databaseUrl = new URL(adminUrl);
  databaseUrl.pathname = `/${name}`;
  let child: ChildProcess | undefined;
  try {
    await migratePostgres(databaseUrl.toString());
    const database = connectPostgres(databaseUrl.toString());
    await seedDatabase(database.writer);
    await database.close();
    const server = await startServer(program, databaseUrl.toString());
    child = server.child;

    const queue = Array.from({ length: rounds }, () => Array.from({ length: shapes }, (_, index) => index)).flat();
    let failures = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
          const response = await fetch(server.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: shape(next) }),
          });
          const body = (await response.json()) as { errors?: unknown[] };
          if (body.errors) failures++;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;

    const { rows } = await admin.query<{ pid: number }>(
      "SELECT pid FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend'",
      [name],
    );
    const memory = await Promise.all(rows.map((row) => backendMemory(row.pid)));
    const total = (key: 'rss' | 'private') => memory.reduce((sum, backend) => sum + backend[key], 0) / 1024;
    console.log(`server          ${path.relative(process.cwd(), program)}`);
    console.log(`requests        ${rounds * shapes} (${shapes} distinct shapes x ${rounds}, concurrency ${concurrency}) in ${seconds.toFixed(1)} s, ${failures} with errors`);
    console.log(`backends        ${rows.length}`);
    console.log(`backend RSS     ${total('rss').toFixed(0)} MiB in all (largest ${(Math.max(...memory.map((backend) => backend.rss)) / 1024).toFixed(0)} MiB)`);
    console.log(`private memory  ${total('private').toFixed(0)} MiB in all (largest ${(Math.max(...memory.map((backend) => backend.private)) / 1024).toFixed(0)} MiB)`);
  } finally {
    if (child) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(`measure: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
