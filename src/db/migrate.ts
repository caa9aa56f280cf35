// Applies prisma/migrations without Prisma's native schema engine, which these machines cannot
// download. It keeps Prisma's own bookkeeping (the _prisma_migrations table, same DDL, same
// checksums), so a database migrated here stays valid for the standard `prisma migrate deploy`
// and `prisma migrate status`.
import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PGlite, Transaction as PGliteTransaction } from '@electric-sql/pglite';
import pg from 'pg';
import { packageRoot } from '../package-root.js';

export const migrationsDirectory = path.join(packageRoot, 'prisma', 'migrations');

export interface MigrationReport {
  /** Migrations applied by this run, in order. */
  applied: string[];
  /** Migrations found already applied (and unchanged) in the database. */
  alreadyApplied: string[];
}

/** A migration that failed, or whose recorded state forbids going on. Nothing after it was applied. */
export class MigrationError extends Error {
  override name = 'MigrationError';
  constructor(
    readonly migrationName: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`Migration ${migrationName}: ${message}`, options);
  }
}

/** One folder of the migrations directory. */
export interface MigrationFile {
  /** The folder name, which is the migration's name in _prisma_migrations. */
  name: string;
  sql: string;
  /** Lowercase hex SHA-256 of migration.sql's bytes, as Prisma computes it. */
  checksum: string;
}

/** Reads every migration folder in the order Prisma applies them (names sorted). */
export async function readMigrations(directory: string = migrationsDirectory): Promise<MigrationFile[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b));
  return Promise.all(
    names.map(async (name) => {
      const bytes = await readFile(path.join(directory, name, 'migration.sql'));
      return { name, sql: bytes.toString('utf8'), checksum: createHash('sha256').update(bytes).digest('hex') };
    }),
  );
}

// Prisma's schema engine creates the table with exactly this statement (PostgreSQL flavour).
const createMigrationsTable = `CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);
`;

// The key Prisma's schema engine locks, so this runner and `prisma migrate deploy` also exclude each other.
const prismaAdvisoryLockKey = 72707369;

/** The little the runner needs from a database driver. */
interface SqlSession {
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs a script of one or more statements. */
  execute(script: string): Promise<void>;
}

interface MigrationDatabase extends SqlSession {
  /** Runs `work` in a transaction: committed if it resolves, rolled back if it throws. */
  transaction(work: (session: SqlSession) => Promise<void>): Promise<void>;
}

interface RecordedMigration {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
}

async function migrate(database: MigrationDatabase, migrations: MigrationFile[]): Promise<MigrationReport> {
  const [table] = await database.query<{ exists: boolean }>(
    `SELECT to_regclass('_prisma_migrations') IS NOT NULL AS "exists"`,
  );
  if (!table?.exists) await database.execute(createMigrationsTable);

  // Rows marked rolled back are history only, as for Prisma.
  const recorded = await database.query<RecordedMigration>(
    'SELECT migration_name, checksum, finished_at FROM _prisma_migrations WHERE rolled_back_at IS NULL ORDER BY started_at',
  );
  const unfinished = recorded.find((row) => row.finished_at === null);
  if (unfinished) {
    throw new MigrationError(
      unfinished.migration_name,
      'recorded as started but never finished (a failed `prisma migrate deploy`?). Check the database by hand, ' +
        `then mark it rolled back before migrating again: \`prisma migrate resolve --rolled-back ${unfinished.migration_name}\`, ` +
        `or offline: UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = '${unfinished.migration_name}' AND finished_at IS NULL;`,
    );
  }
  const recordedChecksums = new Map(recorded.map((row) => [row.migration_name, row.checksum]));
  for (const migration of migrations) {
    const checksum = recordedChecksums.get(migration.name);
    if (checksum !== undefined && checksum !== migration.checksum) {
      throw new MigrationError(
        migration.name,
        'migration.sql was modified after it was applied (checksum differs). Put it back as it was, ' +
          'and make the change in a new migration.',
      );
    }
  }

  const report: MigrationReport = { applied: [], alreadyApplied: [] };
  for (const migration of migrations) {
    if (recordedChecksums.has(migration.name)) {
      report.alreadyApplied.push(migration.name);
      continue;
    }
    await applyMigration(database, migration);
    report.applied.push(migration.name);
  }
  return report;
}

async function applyMigration(database: MigrationDatabase, migration: MigrationFile): Promise<void> {
  try {
    await database.transaction(async (session) => {
      await session.execute(migration.sql);
      // now() is the transaction's start, which is when the migration started.
      await session.query(
        `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
         VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
        [randomUUID(), migration.checksum, migration.name],
      );
    });
  } catch (error) {
    const failure = describeDatabaseError(error, migration.sql);
    // The transaction rolled everything back, so the row says so: Prisma ignores rolled-back rows,
    // and the next run retries the migration once it is fixed.
    await database
      .query(
        `INSERT INTO _prisma_migrations (id, checksum, migration_name, logs, started_at, rolled_back_at, applied_steps_count)
         VALUES ($1, $2, $3, $4, now(), now(), 0)`,
        [randomUUID(), migration.checksum, migration.name, failure],
      )
      .catch(() => undefined); // the failure itself is what must reach the caller
    throw new MigrationError(migration.name, `failed and was rolled back.\n${failure}`, { cause: error });
  }
}

/** PostgreSQL's error as psql would show it, with the line of migration.sql it points at. */
function describeDatabaseError(error: unknown, sql: string): string {
  if (!(error instanceof Error)) return String(error);
  const fields = error as Error & { code?: string; detail?: string; hint?: string; position?: string };
  const lines = [`ERROR: ${fields.message}${fields.code ? ` (SQLSTATE ${fields.code})` : ''}`];
  if (fields.detail) lines.push(`DETAIL: ${fields.detail}`);
  if (fields.hint) lines.push(`HINT: ${fields.hint}`);
  const position = Number(fields.position);
  if (Number.isInteger(position) && position > 0) {
    lines.push(`at line ${sql.slice(0, position - 1).split('\n').length} of migration.sql`);
  }
  return lines.join('\n');
}

/**
 * The report of a database that has every migration applied, finished and unchanged; null when
 * anything is missing, pending, unfinished or changed, which `migrate` then handles (or reports)
 * under the lock.
 */
async function upToDateReport(session: SqlSession, migrations: MigrationFile[]): Promise<MigrationReport | null> {
  let recorded: RecordedMigration[];
  try {
    recorded = await session.query<RecordedMigration>(
      'SELECT migration_name, checksum, finished_at FROM _prisma_migrations WHERE rolled_back_at IS NULL',
    );
  } catch (error) {
    if ((error as { code?: unknown }).code === '42P01') return null; // no _prisma_migrations table yet
    throw error;
  }
  if (recorded.some((row) => row.finished_at === null)) return null;
  const recordedChecksums = new Map(recorded.map((row) => [row.migration_name, row.checksum]));
  if (!migrations.every((migration) => recordedChecksums.get(migration.name) === migration.checksum)) return null;
  return { applied: [], alreadyApplied: migrations.map((migration) => migration.name) };
}

/**
 * Applies the pending migrations to a PostgreSQL database, each in its own transaction. Holds
 * Prisma's advisory lock meanwhile, so concurrent runs (or a concurrent `prisma migrate deploy`)
 * wait for each other instead of applying a migration twice.
 */
export async function migratePostgres(
  connectionString: string,
  directory: string = migrationsDirectory,
): Promise<MigrationReport> {
  const migrations = await readMigrations(directory);
  const client = new pg.Client({ connectionString });
  // A lost connection also rejects the pending query, which reports it; unheard, this event would crash the process.
  client.on('error', () => undefined);
  await client.connect();
  const session: SqlSession = {
    query: async <Row>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as Row[],
    // Without parameters pg uses the simple query protocol, which accepts several statements.
    execute: async (script) => void (await client.query(script)),
  };
  const database: MigrationDatabase = {
    ...session,
    async transaction(work) {
      await client.query('BEGIN');
      try {
        await work(session);
        await client.query('COMMIT');
      } catch (error) {
        // ROLLBACK fails only when the connection is gone; the original error says more.
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    },
  };
  try {
    // At most starts there is nothing to apply: one statement tells, without taking the lock.
    const upToDate = await upToDateReport(session, migrations);
    if (upToDate) return upToDate;
    await client.query('SELECT pg_advisory_lock($1)', [prismaAdvisoryLockKey]);
    return await migrate(database, migrations);
  } finally {
    // Closing the session releases the advisory lock too.
    await client.end();
  }
}

/** Applies the pending migrations to an embedded PGlite database, each in its own transaction. */
export async function migratePglite(pglite: PGlite, directory: string = migrationsDirectory): Promise<MigrationReport> {
  // pglite.exec() runs the whole script and rejects on the first failing statement (the
  // pglite-prisma-adapter's executeScript did not await it, and recorded broken migrations as applied).
  const sessionOf = (db: PGlite | PGliteTransaction): SqlSession => ({
    query: async <Row>(sql: string, params?: unknown[]) => (await db.query<Row>(sql, params)).rows,
    execute: async (script) => void (await db.exec(script)),
  });
  return migrate(
    { ...sessionOf(pglite), transaction: (work) => pglite.transaction((tx) => work(sessionOf(tx))) },
    await readMigrations(directory),
  );
}
