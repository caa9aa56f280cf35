// Throwaway PostgreSQL databases for tests: each one uniquely named on the server at
// DATABASE_ADMIN_URL (by default the local server), dropped by the test that made it. Migrating and
// seeding happen once per run, in two template databases the global setup makes
// (test/support/templates.ts); a test's database is a copy of one (CREATE DATABASE … TEMPLATE).
// Embedded databases likewise copy one migrated data folder.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, open, readFile, writeFile, type FileHandle } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { loadDatabaseAdminUrl } from '../../src/config.js';
import { migratePostgres } from '../../src/db/migrate.js';
import { seedDatabase } from '../../src/seeds.js';
import { connectPostgres, openEmbedded } from '../../src/db/client.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A database with every migration applied. */
    migratedTemplate: string;
    /** The same, seeded. */
    seededTemplate: string;
    /** Where the first test that asks makes an embedded data folder with every migration applied. */
    embeddedTemplate: string;
  }
}

export interface TestDatabase {
  /** Connection string of the new database. */
  url: string;
  /** Ends every connection to the database and drops it. */
  drop(): Promise<void>;
}

/** A server where tests may create and drop databases. */
export const databaseAdminUrl = loadDatabaseAdminUrl();

/** The prefix tells a leftover from a crashed run apart from anything else on the server. */
export const TEST_DATABASE_PREFIX = 'quotegraph_test_';

export async function asAdmin<T>(work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: databaseAdminUrl });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

export function databaseUrl(name: string): string {
  const url = new URL(databaseAdminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(name: string): Promise<void> {
  await asAdmin(async (admin) => {
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
    await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
  });
}

async function createDatabase(template?: string): Promise<TestDatabase> {
  const name = `${TEST_DATABASE_PREFIX}${randomUUID().replaceAll('-', '')}`;
  await asAdmin((admin) => admin.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`));
  return { url: databaseUrl(name), drop: () => dropDatabase(name) };
}

/** A new database with nothing in it, not even _prisma_migrations. */
export function createEmptyDatabase(): Promise<TestDatabase> {
  return createDatabase();
}

/** Runs `prepare` on a new empty database, dropping it if that fails. */
export async function preparedDatabase(prepare: (url: string) => Promise<unknown>): Promise<TestDatabase> {
  const database = await createEmptyDatabase();
  try {
    await prepare(database.url);
  } catch (error) {
    await database.drop();
    throw error;
  }
  return database;
}

/** Migrates, and seeds when asked: what the templates hold, for a run without them. */
export async function migrateAndSeed(url: string, seeded: boolean): Promise<void> {
  await migratePostgres(url);
  if (!seeded) return;
  const database = connectPostgres(url);
  try {
    await seedDatabase(database.writer);
  } finally {
    await database.close();
  }
}

/** A new database with every migration of prisma/migrations applied, and the seeds when `seeded`. */
export async function createTestDatabase(options: { seeded?: boolean } = {}): Promise<TestDatabase> {
  const seeded = options.seeded ?? false;
  const template = inject(seeded ? 'seededTemplate' : 'migratedTemplate');
  if (template) return createDatabase(template);
  return preparedDatabase((url) => migrateAndSeed(url, seeded));
}

/**
 * The migrated embedded data folder the tests copy, made by the first test that asks for it: making
 * one takes about 6 s (far more on a loaded machine), too long to hold up every test in the global
 * setup. The first asker creates `<template>.lock` and makes it; the others wait for `<template>.ready`.
 */
async function embeddedTemplate(template: string): Promise<void> {
  const ready = `${template}.ready`;
  const failed = `${template}.failed`;
  if (existsSync(ready)) return;
  let lock: FileHandle | undefined;
  try {
    lock = await open(`${template}.lock`, 'wx');
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
  }
  if (lock) {
    try {
      await (await openEmbedded(template)).close();
      await writeFile(ready, '');
    } catch (error) {
      await writeFile(failed, error instanceof Error ? error.message : String(error));
      throw error;
    } finally {
      await lock.close();
    }
    return;
  }
  while (!existsSync(ready)) {
    if (existsSync(failed)) throw new Error(`the embedded template could not be made: ${await readFile(failed, 'utf8')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Fills `dataDirectory` (which must not exist yet) with a copy of a migrated embedded data folder,
 * so that opening it skips creating and migrating a database. Without the global setup the folder
 * is left alone, and opening it creates it.
 */
export async function copyEmbeddedTemplate(dataDirectory: string): Promise<void> {
  const template = inject('embeddedTemplate');
  if (!template) return;
  await embeddedTemplate(template);
  await cp(template, dataDirectory, { recursive: true });
}
