// Benchmark databases on the local server: named quotegraph_bench_*, created on demand, dropped unless kept.
import pg from 'pg';
import { KEEP_FREED_MEMORY } from '../src/db/keep-freed-memory.js';

export const BENCH_PREFIX = 'quotegraph_bench_';

/** The server's admin URL (the postgres database), from DATABASE_ADMIN_URL or the local default. */
export const adminUrl = process.env.DATABASE_ADMIN_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';

export function databaseUrl(name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

/**
 * The database pool of a comparison server (the floor, PostGraphile), whose sessions are set as
 * Quotegraph's are (src/db/client.ts), so that the bench compares servers rather than settings:
 * planned with random_page_cost 1.1 (at PostgreSQL's default 4 the floor's front page hashed every
 * topic for each article, 4.5 against 2.8 ms of execution), and each backend keeping the memory its
 * statements free (src/db/keep-freed-memory.ts).
 */
export function comparisonPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: Number(process.env.BENCH_POOL_SIZE ?? 10), options: '-c random_page_cost=1.1' });
  pool.on('connect', (client) => void client.query(KEEP_FREED_MEMORY).catch(() => undefined));
  return pool;
}

async function asAdmin<T>(work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

function checkName(name: string): void {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Database name "${name}": use lower-case letters, digits and _`);
}

/** Creates the database if it is missing; true when it was created. */
export async function ensureDatabase(name: string): Promise<boolean> {
  checkName(name);
  return asAdmin(async (admin) => {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return false;
    await admin.query(`CREATE DATABASE "${name}"`);
    return true;
  });
}

/** Creates `name` as a copy of the database `template` (which must exist, with nobody connected to it). */
export async function copyDatabase(template: string, name: string): Promise<void> {
  checkName(template);
  checkName(name);
  await asAdmin(async (admin) => {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    if (!rowCount) throw new Error(`No database "${template}": fill it first (npm run bench:data -- --scale N)`);
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  });
}

export async function dropDatabase(name: string): Promise<void> {
  checkName(name);
  if (!name.startsWith(BENCH_PREFIX)) throw new Error(`Refusing to drop "${name}": not a benchmark database`);
  await asAdmin(async (admin) => {
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
    await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
  });
}

/** The value given after `flag` in `rest` (`--rounds 9`), if the flag is there. */
export function optionValue(rest: readonly string[], flag: string): string | undefined {
  const index = rest.indexOf(flag);
  return index >= 0 ? rest[index + 1] : undefined;
}

/** Command-line options shared by the bench scripts: --scale N, --database NAME, --keep, --quick. */
export function parseArguments(argv: string[]): { scale: number; database: string | null; keep: boolean; quick: boolean; rest: string[] } {
  let scale = 1;
  let database: string | null = null;
  let keep = false;
  let quick = false;
  const rest: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    if (argument === '--scale') scale = Number(argv[++index]);
    else if (argument === '--database') database = argv[++index] ?? null;
    else if (argument === '--keep') keep = true;
    else if (argument === '--quick') quick = true;
    else rest.push(argument);
  }
  if (!Number.isInteger(scale) || scale < 1) throw new Error('--scale must be a whole number of at least 1');
  return { scale, database, keep, quick, rest };
}
