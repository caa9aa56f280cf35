// Runs issue 10's connection and log attacks at the built server on a fresh seeded PostgreSQL
// database and reports what is left: slow-header and idle sockets still open after a wait,
// connections accepted out of a flood, how a huge operationName reaches the answer and the log,
// log lines written by requests whose every field timed out, and the level a client abort logs at.
//   npm run measure:connections -- [--wait-ms 30000] [--flood 2000] [--server dist/quotegraph.mjs]
import { spawn } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { migratePostgres } from '../src/db/migrate.js';
import { connectPostgres } from '../src/db/client.js';
import { packageRoot } from '../src/package-root.js';
import { seedDatabase } from '../src/seeds.js';

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : (process.argv[index + 1] ?? fallback);
}

const adminUrl = process.env.DATABASE_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A connection to the server; its `closed` turns true once either side has closed it. */
function openSocket(port: number): Promise<Socket> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.on('error', () => undefined);
    // Read what the server sends (a 408), or its closing the connection would go unnoticed.
    socket.resume();
    socket.once('connect', () => resolve(socket));
    socket.once('close', () => resolve(socket));
  });
}

async function main(): Promise<void> {
  const waitMs = Number(option('wait-ms', '30000'));
  const flood = Number(option('flood', '2000'));
  const program = path.resolve(option('server', path.join(packageRoot, 'dist/quotegraph.mjs')));
  const name = `quotegraph_attacks_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const databaseUrl = new URL(adminUrl);
  databaseUrl.pathname = `/${name}`;
  await migratePostgres(databaseUrl.toString());
  const database = connectPostgres(databaseUrl.toString());
  await seedDatabase(database.writer);
  await database.close();
  const lines: string[] = [];
  const child = spawn(process.execPath, [program, 'serve'], {
    env: { ...process.env, DATABASE_URL: databaseUrl.toString(), PORT: '0', LOG_LEVEL: 'info', QUOTEGRAPH_STATEMENT_TIMEOUT_MS: '300' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    let pending = '';
    const url = await new Promise<string>((resolve, reject) => {
      const collect = (chunk: Buffer) => {
        pending += chunk.toString();
        const complete = pending.split('\n');
        pending = complete.pop()!;
        lines.push(...complete);
        const match = /GraphQL API[^:]*: (http\S+)/.exec(complete.join('\n'));
        if (match) resolve(match[1]!);
      };
      child.stdout.on('data', collect);
      child.stderr.on('data', collect);
      child.once('exit', (code) => reject(new Error(`the server exited with code ${code}`)));
    });
    const port = Number(new URL(url).port);
    const post = async (body: unknown) => {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return (await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
    };

    // Slow headers: one header line every 2 s, never the blank line that ends them. Idle: nothing at all.
    const slow = await Promise.all(Array.from({ length: 3 }, () => openSocket(port)));
    for (const socket of slow) socket.write('POST /graphql HTTP/1.1\r\nHost: attack\r\n');
    const drip = setInterval(() => slow.forEach((socket) => socket.closed || socket.write(`X-Drip-${Date.now()}: 1\r\n`)), 2_000);
    const idle: Socket[] = [];
    for (let index = 0; index < 500; index++) idle.push(await openSocket(port));
    await sleep(waitMs);
    clearInterval(drip);
    console.log(`after ${waitMs / 1000} s: ${slow.filter((socket) => !socket.closed).length} of 3 slow-header sockets and ${idle.filter((socket) => !socket.closed).length} of 500 idle sockets still open`);
    [...slow, ...idle].forEach((socket) => socket.destroy());
    await sleep(500);

    // A flood of connections: how many stay open a second after connecting.
    const flooded: Socket[] = [];
    for (let index = 0; index < flood; index++) flooded.push(await openSocket(port));
    await sleep(1_000);
    console.log(`flood: ${flooded.filter((socket) => !socket.closed).length} of ${flood} connections accepted and still open after 1 s`);
    flooded.forEach((socket) => socket.destroy());
    await sleep(1_000);

    // A 590 KB operationName.
    lines.length = 0;
    const longName = 'N'.repeat(590_000);
    const named = await post({ query: '{ articles(first: 1) { totalCount } }', operationName: longName });
    await sleep(300);
    const longest = Math.max(...lines.map((line) => line.length));
    console.log(`590 KB operationName: error message ${named.errors?.[0]?.message.length ?? 0} characters, longest log line ${longest} characters`);

    // Five requests whose 30 aliased lookups all time out: the table is locked past statement_timeout.
    const ids = (await post({ query: '{ articles(first: 1) { nodes { id } } }' })).data.articles.nodes as { id: string }[];
    const aliases = Array.from({ length: 30 }, (_, index) => `a${index}: node(id: "${ids[0]!.id}") { id }`).join(' ');
    const locker = new pg.Client({ connectionString: databaseUrl.toString() });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE "Article" IN ACCESS EXCLUSIVE MODE');
    await sleep(300);
    lines.length = 0;
    const codes = new Set<string>();
    for (let request = 0; request < 5; request++) {
      for (const error of (await post({ query: `{ ${aliases} }` })).errors ?? []) codes.add(String(error.extensions?.code));
    }
    await sleep(300);
    await locker.query('ROLLBACK');
    await locker.end();
    console.log(`5 requests of 30 timed-out lookups (${[...codes].join(', ')}): ${lines.length} log lines`);

    // A client that closes its connection halfway through sending a body.
    lines.length = 0;
    const aborting = await openSocket(port);
    aborting.write('POST /graphql HTTP/1.1\r\nHost: attack\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"query":');
    await sleep(300);
    aborting.destroy();
    await sleep(500);
    const levels = lines.filter((line) => line.startsWith('{')).map((line) => `${JSON.parse(line).level} "${JSON.parse(line).msg}"`);
    console.log(`client abort: logged ${levels.join('; ') || 'nothing'} (30 = info, 50 = error)`);
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(`measure: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
