// The one place that builds a Prisma client: on PostgreSQL when DATABASE_URL is set, otherwise on
// the embedded PGlite database in the data folder, created and migrated on first use.
import type { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.js';
import { lockDataFolder, type DataFolderLock } from './data-folder-lock.js';
import { migratePglite, migratePostgres, type MigrationReport } from './migrate.js';
import { listenPostgres, type Unlisten } from './notifications.js';
import { poolReader, prismaReader, utcTimestampTypes, type SqlReader } from './sql.js';
import { pgliteWriter, poolWriter, type SqlWriter } from './writer.js';

export type { PrismaClient } from '../generated/prisma/client.js';

export interface Database {
  prisma: PrismaClient;
  /** The API's read statements: straight to the pg pool on PostgreSQL, through Prisma on PGlite. */
  sql: SqlReader;
  /** Write transactions in plain SQL (the ingest): a pg pool client on PostgreSQL, PGlite's own on PGlite. */
  writer: SqlWriter;
  kind: 'postgres' | 'embedded';
  /** Where the data lives, for log lines: host/database or the embedded data folder. */
  location: string;
  /** Calls `onNotification` on every NOTIFY on `channel` (and after a lost connection is back); resolves to a function that stops. */
  listen(channel: string, onNotification: () => void): Promise<Unlisten>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** Called with every SQL statement sent (tests count statements per request with it). */
  onStatement?: (sql: string) => void;
  /**
   * PostgreSQL statement_timeout in milliseconds, and a little above it pg's own wait for an answer;
   * unset means neither (migrations, seeding).
   */
  statementTimeout?: number;
}

/** How long to wait for a connection before telling the client the database is unavailable. */
const CONNECT_TIMEOUT_MS = 3_000;

/**
 * How much longer than statement_timeout pg waits for an answer before it gives up on the
 * connection. statement_timeout is enforced by the server, so it cannot fire when the server is
 * frozen (stopped, swapping, its host unreachable); this bound can.
 */
const QUERY_TIMEOUT_MARGIN_MS = 1_000;

/** Idle time before TCP keepalive probes: a connection whose host went away without a word is found dead. */
const KEEPALIVE_DELAY_MS = 10_000;

export function connectPostgres(connectionString: string, options: ConnectOptions = {}): Database {
  // One pool for Prisma (writes, ingest) and for the API's read statements, which skip Prisma.
  const pool = new pg.Pool({
    connectionString,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    keepAlive: true,
    keepAliveInitialDelayMillis: KEEPALIVE_DELAY_MS,
    ...(options.statementTimeout
      ? { statement_timeout: options.statementTimeout, query_timeout: options.statementTimeout + QUERY_TIMEOUT_MARGIN_MS }
      : {}),
    types: utcTimestampTypes,
  });
  // An idle connection dies when PostgreSQL restarts or a database is dropped; the pool replaces it
  // on the next checkout. Without a listener that error would end the process.
  pool.on('error', () => undefined);
  const adapter = new PrismaPg(pool);
  const prisma = options.onStatement
    ? new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] })
    : new PrismaClient({ adapter });
  if (options.onStatement) {
    const onStatement = options.onStatement;
    (prisma as unknown as PrismaClient<'query'>).$on('query', (event) => onStatement(event.query));
  }
  const url = new URL(connectionString);
  const writer = poolWriter(pool, options.onStatement);
  return {
    prisma,
    sql: poolReader(pool, options.onStatement),
    writer,
    kind: 'postgres',
    location: `${url.host}${url.pathname}`,
    listen: (channel, onNotification) => listenPostgres(connectionString, channel, onNotification),
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

export interface EmbeddedDatabase extends Database {
  migration: MigrationReport;
}

/**
 * Opens (creating if needed) the embedded database in `dataDirectory` and applies pending
 * migrations. The folder's lock is taken first, so a second process (or a second opening in this
 * one) is refused at once with a DataFolderLockedError naming the holder; closing releases it.
 * A caller that holds the lock already (a reset, which empties the folder first) passes it in and
 * releases it itself.
 */
export async function openEmbedded(dataDirectory: string, options: { lock?: DataFolderLock } = {}): Promise<EmbeddedDatabase> {
  const lock = options.lock ?? lockDataFolder(dataDirectory);
  const releaseOwnLock = () => {
    if (!options.lock) lock.release();
  };
  let pglite: PGlite | undefined;
  try {
    // Loaded here, not with this module: a server on PostgreSQL starts faster without them.
    const [pgliteModule, { PrismaPGlite }] = await Promise.all([import('@electric-sql/pglite'), import('pglite-prisma-adapter')]);
    pglite = await pgliteModule.PGlite.create(dataDirectory);
    const migration = await migratePglite(pglite);
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    const writer = pgliteWriter(pglite);
    const opened = pglite;
    return {
      prisma,
      sql: prismaReader(prisma),
      writer,
      kind: 'embedded',
      location: dataDirectory,
      migration,
      async listen(channel, onNotification) {
        const unlisten = await opened.listen(channel, () => onNotification());
        return async () => unlisten();
      },
      async close() {
        try {
          await prisma.$disconnect();
          await opened.close();
        } finally {
          releaseOwnLock();
        }
      },
    };
  } catch (error) {
    await pglite?.close().catch(() => undefined);
    releaseOwnLock();
    throw error;
  }
}

/**
 * The configured database with every migration applied: PostgreSQL when `databaseUrl` is set,
 * otherwise the embedded database in `dataDirectory`. The CLI and the server both open it here.
 */
export async function openMigratedDatabase(
  config: { databaseUrl: string | null; dataDirectory: string; statementTimeout?: number },
  options: { lock?: DataFolderLock } = {},
): Promise<{ database: Database; migration: MigrationReport }> {
  if (config.databaseUrl) {
    const migration = await migratePostgres(config.databaseUrl);
    return { database: connectPostgres(config.databaseUrl, { statementTimeout: config.statementTimeout }), migration };
  }
  const database = await openEmbedded(config.dataDirectory, options);
  return { database, migration: database.migration };
}
