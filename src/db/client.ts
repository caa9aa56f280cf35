// The one place that opens the database: PostgreSQL when DATABASE_URL is set, otherwise the
// embedded PGlite database in the data folder, created and migrated on first use. Everything at run
// time reads through `sql` and writes through `writer`; Prisma is for the schema, migrations and tests.
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Config } from '../config.js';
import { lockDataFolder, type DataFolderLock } from './data-folder-lock.js';
import { KEEP_FREED_MEMORY } from './keep-freed-memory.js';
import { migratePglite, migratePostgres, type MigrationReport } from './migrate.js';
import { listenPostgres, type Unlisten } from './notifications.js';
import { replicate, type Replication, type ReplicaStatus } from './replicas.js';
import { pgliteReader, poolReader, utcTimestampParsers, utcTimestampTypes, type SqlReader } from './sql.js';
import { pgliteWriter, poolWriter, type SqlWriter } from './writer.js';

export interface Database {
  /** Read statements: prepared statements on the pg pool on PostgreSQL, PGlite's queries on PGlite. */
  sql: SqlReader;
  /** Write transactions: a pg pool client on PostgreSQL, PGlite's own transaction on PGlite. */
  writer: SqlWriter;
  kind: 'postgres' | 'embedded';
  /** Where the data lives, for log lines: host/database or the embedded data folder. */
  location: string;
  /** Present on PostgreSQL with replicas (DATABASE_REPLICA_URLS): where each request's reads go. */
  replication?: Replication;
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
  /** Named prepared statements (default), or unnamed ones behind a pooler in transaction mode. */
  preparedStatements?: boolean;
  /** The same database without a pooler, for what holds a session (LISTEN); `connectionString` unless set. */
  directUrl?: string | null;
  /** Streaming replicas that serve public reads (src/db/replicas.ts). */
  replicaUrls?: string[];
  /** A replica further behind than this, in ms, serves nothing. */
  maxReplicaLag?: number;
  /** How often replicas are checked, in ms. */
  replicaCheckInterval?: number;
  /** Told when a replica is taken out or comes back. */
  onReplicaChange?(status: ReplicaStatus): void;
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

/**
 * The planner's cost of reading a page out of order, for this server's sessions. PostgreSQL's default
 * (4) is for spinning disks: with it, on tables held in memory, PostgreSQL scanned and hashed all 200
 * topics for each of a front page's 20 articles rather than look up each article's 3 topics by id,
 * and scanned the sources likewise (the front page's statement: 1.85 ms of execution, 1.12 ms with
 * 1.1, medians of 30 on the scale-1 bench database). 1.1 is the usual setting for SSDs. A server
 * whose operator set another value keeps it: only the default is replaced.
 */
const PLANNER_COSTS = "SELECT set_config('random_page_cost', '1.1', false) WHERE current_setting('random_page_cost') = '4'";

function createPool(connectionString: string, options: ConnectOptions): pg.Pool {
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
  // Queued ahead of the connection's first statement; a failure here fails that statement too.
  // One query string (two statements): pg warns of a query sent while another is running.
  pool.on('connect', (client) => void client.query(`${PLANNER_COSTS}; ${KEEP_FREED_MEMORY}`).catch(() => undefined));
  return pool;
}

export function connectPostgres(connectionString: string, options: ConnectOptions = {}): Database {
  const pool = createPool(connectionString, options);
  const url = new URL(connectionString);
  const statements = { onStatement: options.onStatement, preparedStatements: options.preparedStatements ?? true };
  const sql = poolReader(pool, statements);
  const replication = options.replicaUrls?.length
    ? replicate(sql, options.replicaUrls, {
        ...statements,
        maxLag: options.maxReplicaLag ?? 5_000,
        checkInterval: options.replicaCheckInterval ?? 1_000,
        createPool: (replicaUrl) => createPool(replicaUrl, options),
        onChange: options.onReplicaChange,
      })
    : undefined;
  return {
    sql,
    writer: poolWriter(pool, statements),
    kind: 'postgres',
    location: `${url.host}${url.pathname}`,
    replication,
    // A LISTEN holds its session: behind PgBouncer in transaction mode it must go straight to PostgreSQL.
    listen: (channel, onNotification) => listenPostgres(options.directUrl ?? connectionString, channel, onNotification),
    async close() {
      await replication?.close();
      await pool.end();
    },
  };
}

export interface EmbeddedDatabase extends Database {
  migration: MigrationReport;
  /** The open PGlite instance, for tools that need the driver itself (Prisma's adapter in tests). */
  pglite: PGlite;
}

/**
 * PostgreSQL's buffer pool inside the embedded database's WebAssembly memory. initdb writes 128MB,
 * which PGlite fills at start (RSS 287 MiB once open, 171 MiB with 16MB). Its files are read through
 * the host's file system, whose page cache keeps them too (bench/results/2026-12-06-memory.md).
 */
const EMBEDDED_SHARED_BUFFERS = '16MB';

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
    // Loaded here, not with this module: a server on PostgreSQL starts faster without it.
    const { PGlite } = await import('@electric-sql/pglite');
    pglite = await PGlite.create(dataDirectory, {
      parsers: utcTimestampParsers,
      startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${EMBEDDED_SHARED_BUFFERS}`],
    });
    const migration = await migratePglite(pglite);
    const opened = pglite;
    return {
      sql: pgliteReader(opened),
      writer: pgliteWriter(opened),
      kind: 'embedded',
      location: dataDirectory,
      migration,
      pglite: opened,
      async listen(channel, onNotification) {
        const unlisten = await opened.listen(channel, () => onNotification());
        return async () => unlisten();
      },
      async close() {
        try {
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
  config: { databaseUrl: string | null; dataDirectory: string; statementTimeout?: number } & Partial<
    Pick<Config, 'directUrl' | 'replicaUrls' | 'maxReplicaLag' | 'replicaCheckInterval' | 'preparedStatements'>
  >,
  options: { lock?: DataFolderLock } = {},
): Promise<{ database: Database; migration: MigrationReport }> {
  if (config.databaseUrl) {
    // Straight to PostgreSQL when the url goes through a pooler: a migration holds a session's advisory lock.
    const migration = await migratePostgres(config.directUrl ?? config.databaseUrl);
    const database = connectPostgres(config.databaseUrl, {
      statementTimeout: config.statementTimeout,
      preparedStatements: config.preparedStatements,
      directUrl: config.directUrl,
      replicaUrls: config.replicaUrls,
      maxReplicaLag: config.maxReplicaLag,
      replicaCheckInterval: config.replicaCheckInterval,
    });
    return { database, migration };
  }
  const database = await openEmbedded(config.dataDirectory, options);
  return { database, migration: database.migration };
}
