// Throwaway PostgreSQL databases for tests: each one uniquely named on the server at
// DATABASE_ADMIN_URL (by default the local server), dropped by the test that made it.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { migratePostgres } from '../../src/db/migrate.js';

export interface TestDatabase {
  /** Connection string of the new database. */
  url: string;
  /** Ends every connection to the database and drops it. */
  drop(): Promise<void>;
}

/** A server where tests may create and drop databases. */
export const databaseAdminUrl = process.env.DATABASE_ADMIN_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';

async function asAdmin<T>(work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: databaseAdminUrl });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/** A new database with nothing in it, not even _prisma_migrations. */
export async function createEmptyDatabase(): Promise<TestDatabase> {
  // The prefix tells a leftover from a crashed run apart from anything else on the server.
  const name = `quotegraph_test_${randomUUID().replaceAll('-', '')}`;
  await asAdmin((admin) => admin.query(`CREATE DATABASE "${name}"`));
  const url = new URL(databaseAdminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      asAdmin(async (admin) => {
        await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
        await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
      }),
  };
}

/** A new database with every migration of prisma/migrations applied. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const database = await createEmptyDatabase();
  try {
    await migratePostgres(database.url);
  } catch (error) {
    await database.drop();
    throw error;
  }
  return database;
}
