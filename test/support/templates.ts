// The databases every test starts from, made once per run by the global setup: a PostgreSQL
// database with every migration applied and the same seeded; and the place of an embedded data folder
// with every migration applied, which the first test to need it makes. Tests copy them
// (test/support/database.ts) instead of migrating and seeding their own, which took a second or more
// per test file, and about 6 s per embedded database.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TEST_DATABASE_PREFIX, dropDatabase, migrateAndSeed, preparedDatabase } from './database.js';

export interface Templates {
  migratedTemplate: string;
  seededTemplate: string;
  embeddedTemplate: string;
  drop(): Promise<void>;
}

function nameOf(url: string): string {
  return new URL(url).pathname.slice(1);
}

export async function createTemplates(): Promise<Templates> {
  const folder = await mkdtemp(path.join(tmpdir(), `${TEST_DATABASE_PREFIX}template-`));
  const embeddedTemplate = path.join(folder, 'pglite');
  const [migrated, seeded] = await Promise.all([
    preparedDatabase((url) => migrateAndSeed(url, false)),
    preparedDatabase((url) => migrateAndSeed(url, true)),
  ]);
  return {
    migratedTemplate: nameOf(migrated.url),
    seededTemplate: nameOf(seeded.url),
    embeddedTemplate,
    async drop() {
      await Promise.all([dropDatabase(nameOf(migrated.url)), dropDatabase(nameOf(seeded.url)), rm(folder, { recursive: true, force: true })]);
    },
  };
}
