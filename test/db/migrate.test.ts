import { createHash } from 'node:crypto';
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type MigrationReport,
  MigrationError,
  migratePglite,
  migratePostgres,
  migrationsDirectory,
} from '../../src/db/migrate.js';
import { createMigration, diffMigrationsToSchema, schemaFile } from '../../src/db/migration-diff.js';
import { migrationList, readSchema, withSchemaEngine } from '../../src/db/schema-engine.js';
import { createEmptyDatabase, databaseAdminUrl } from '../support/database.js';

const modelTables = [
  'Article',
  'Source',
  'Person',
  'PersonAlias',
  'Topic',
  'Quote',
  'ArticleAuthor',
  'ArticleContributor',
  'ArticleMention',
  'ArticleTopic',
  'OutboxEvent',
];

async function migrationFolders(directory = migrationsDirectory): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

async function sha256(file: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(file))
    .digest('hex');
}

const temporaryFolders: string[] = [];
afterEach(async () => {
  await Promise.all(temporaryFolders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

async function temporaryFolder(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'quotegraph-migrations-'));
  temporaryFolders.push(folder);
  return folder;
}

/** A migrations folder holding the given migration.sql files, by migration name. */
async function migrationsFolder(migrations: Record<string, string>): Promise<string> {
  const folder = await temporaryFolder();
  for (const [name, sql] of Object.entries(migrations)) {
    await mkdir(path.join(folder, name));
    await writeFile(path.join(folder, name, 'migration.sql'), sql);
  }
  return folder;
}

interface RecordedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
  logs: string | null;
}

/** The same scenarios run on both kinds of database the project migrates. */
interface Target {
  migrate(directory?: string): Promise<MigrationReport>;
  query<Row>(sql: string): Promise<Row[]>;
  close(): Promise<void>;
}

/** An empty embedded database, made once; each test gets a copy (making one takes seconds, a copy under one). */
let emptyPglite: Promise<Blob> | undefined;
async function newPglite(): Promise<PGlite> {
  emptyPglite ??= (async () => {
    const first = await PGlite.create();
    const dump = await first.dumpDataDir('none');
    await first.close();
    return dump;
  })();
  return PGlite.create({ loadDataDir: await emptyPglite });
}

const targets: [string, () => Promise<Target>][] = [
  [
    'PostgreSQL',
    async () => {
      const database = await createEmptyDatabase();
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      return {
        migrate: (directory) => migratePostgres(database.url, directory),
        query: async <Row>(sql: string) => (await client.query(sql)).rows as Row[],
        close: async () => {
          await client.end();
          await database.drop();
        },
      };
    },
  ],
  [
    'PGlite',
    async () => {
      const pglite = await newPglite();
      return {
        migrate: (directory) => migratePglite(pglite, directory),
        query: async <Row>(sql: string) => (await pglite.query<Row>(sql)).rows,
        close: () => pglite.close(),
      };
    },
  ],
];

describe.each(targets)('migrations on %s', (_kind, openTarget) => {
  let target: Target;
  beforeEach(async () => {
    target = await openTarget();
  });
  afterEach(() => target.close());

  const tables = async () =>
    (
      await target.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
      )
    ).map((row) => row.table_name);
  const recorded = () =>
    target.query<RecordedRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count, logs
       FROM _prisma_migrations ORDER BY started_at, migration_name`,
    );

  it("creates every model's table on an empty database and records each migration folder as Prisma does", async () => {
    const folders = await migrationFolders();
    expect(folders.length).toBeGreaterThan(0);

    const report = await target.migrate();

    expect(report).toEqual({ applied: folders, alreadyApplied: [] });
    expect(await tables()).toEqual(expect.arrayContaining([...modelTables, '_prisma_migrations']));
    const rows = await recorded();
    expect(rows.map((row) => row.migration_name)).toEqual(folders);
    for (const row of rows) {
      expect(row.checksum).toBe(await sha256(path.join(migrationsDirectory, row.migration_name, 'migration.sql')));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    const columns = await target.query(
      `SELECT column_name, data_type, character_maximum_length, is_nullable, column_default
       FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns).toEqual([
      { column_name: 'id', data_type: 'character varying', character_maximum_length: 36, is_nullable: 'NO', column_default: null },
      { column_name: 'checksum', data_type: 'character varying', character_maximum_length: 64, is_nullable: 'NO', column_default: null },
      { column_name: 'finished_at', data_type: 'timestamp with time zone', character_maximum_length: null, is_nullable: 'YES', column_default: null },
      { column_name: 'migration_name', data_type: 'character varying', character_maximum_length: 255, is_nullable: 'NO', column_default: null },
      { column_name: 'logs', data_type: 'text', character_maximum_length: null, is_nullable: 'YES', column_default: null },
      { column_name: 'rolled_back_at', data_type: 'timestamp with time zone', character_maximum_length: null, is_nullable: 'YES', column_default: null },
      { column_name: 'started_at', data_type: 'timestamp with time zone', character_maximum_length: null, is_nullable: 'NO', column_default: 'now()' },
      { column_name: 'applied_steps_count', data_type: 'integer', character_maximum_length: null, is_nullable: 'NO', column_default: '0' },
    ]);
  });

  it('applies nothing and changes nothing when run again', async () => {
    await target.migrate();
    const before = { tables: await tables(), rows: await target.query('SELECT * FROM _prisma_migrations ORDER BY id') };

    const report = await target.migrate();

    expect(report).toEqual({ applied: [], alreadyApplied: await migrationFolders() });
    expect({ tables: await tables(), rows: await target.query('SELECT * FROM _prisma_migrations ORDER BY id') }).toEqual(
      before,
    );
  });

  it('stops at a broken migration, naming it, rolls it back whole and applies it once it is fixed', async () => {
    const directory = await migrationsFolder({
      '20000101000000_first': 'CREATE TABLE "First" (id INTEGER);\n',
      '20000102000000_broken': 'CREATE TABLE "Partial" (id INTEGER);\nINSERT INTO "Missing" VALUES (1);\n',
      '20000103000000_after': 'CREATE TABLE "After" (id INTEGER);\n',
    });

    const failure = await target.migrate(directory).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(MigrationError);
    expect(failure).toMatchObject({ migrationName: '20000102000000_broken' });
    expect((failure as Error).message).toContain('20000102000000_broken');
    expect((failure as Error).message).toContain('relation "Missing" does not exist');
    expect((failure as Error).message).toContain('line 2 of migration.sql');
    expect(await tables()).toEqual(['First', '_prisma_migrations']);
    const rows = await recorded();
    expect(rows.filter((row) => row.finished_at !== null).map((row) => row.migration_name)).toEqual([
      '20000101000000_first',
    ]);
    const brokenRow = rows.find((row) => row.migration_name === '20000102000000_broken');
    expect(brokenRow?.rolled_back_at).toBeInstanceOf(Date);
    expect(brokenRow?.logs).toContain('relation "Missing" does not exist');

    await writeFile(path.join(directory, '20000102000000_broken', 'migration.sql'), 'CREATE TABLE "Partial" (id INTEGER);\n');
    expect(await target.migrate(directory)).toEqual({
      applied: ['20000102000000_broken', '20000103000000_after'],
      alreadyApplied: ['20000101000000_first'],
    });
    expect(await tables()).toEqual(['After', 'First', 'Partial', '_prisma_migrations']);
  });

  it('commits a migration together with its record: nothing stays when the record cannot be written', async () => {
    const directory = await migrationsFolder({
      '20000101000000_first': 'CREATE TABLE "First" (id INTEGER);\n',
      // Succeeds itself, but makes the bookkeeping insert that follows it fail.
      '20000102000000_unrecordable':
        'CREATE TABLE "Unrecorded" (id INTEGER);\nALTER TABLE _prisma_migrations ADD CONSTRAINT "refuse" CHECK (false) NOT VALID;\n',
    });

    await expect(target.migrate(directory)).rejects.toMatchObject({ migrationName: '20000102000000_unrecordable' });
    expect(await tables()).toEqual(['First', '_prisma_migrations']);
    const finished = (await recorded()).filter((row) => row.finished_at !== null);
    expect(finished.map((row) => row.migration_name)).toEqual(['20000101000000_first']);
  });

  it('refuses a migration that was edited after it was applied, and applies nothing after it', async () => {
    const directory = await migrationsFolder({ '20000101000000_first': 'CREATE TABLE "First" (id INTEGER);\n' });
    await target.migrate(directory);
    await appendFile(path.join(directory, '20000101000000_first', 'migration.sql'), 'CREATE TABLE "Edited" (id INTEGER);\n');
    await mkdir(path.join(directory, '20000102000000_second'));
    await writeFile(path.join(directory, '20000102000000_second', 'migration.sql'), 'CREATE TABLE "Second" (id INTEGER);\n');

    const failure = await target.migrate(directory).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(MigrationError);
    expect(failure).toMatchObject({ migrationName: '20000101000000_first' });
    expect((failure as Error).message).toMatch(/modified after it was applied/);
    expect(await tables()).toEqual(['First', '_prisma_migrations']);
  });

  it('refuses to go on past a migration that another tool started and never finished', async () => {
    const directory = await migrationsFolder({ '20000101000000_first': 'CREATE TABLE "First" (id INTEGER);\n' });
    await target.migrate(directory);
    await target.query(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name) VALUES ('unfinished', 'x', '20000102000000_second')`,
    );
    await mkdir(path.join(directory, '20000102000000_second'));
    await writeFile(path.join(directory, '20000102000000_second', 'migration.sql'), 'CREATE TABLE "Second" (id INTEGER);\n');

    await expect(target.migrate(directory)).rejects.toMatchObject({
      name: 'MigrationError',
      migrationName: '20000102000000_second',
    });
    expect(await tables()).toEqual(['First', '_prisma_migrations']);
  });
});

describe('migrations on PostgreSQL, run twice at once', () => {
  it('apply each migration once: the second run waits for the first', async () => {
    const database = await createEmptyDatabase();
    try {
      const runs = await Promise.allSettled([migratePostgres(database.url), migratePostgres(database.url)]);

      expect(runs.map((run) => run.status)).toEqual(['fulfilled', 'fulfilled']);
      const reports = runs.flatMap((run) => (run.status === 'fulfilled' ? [run.value] : []));
      const folders = await migrationFolders();
      expect(reports.flatMap((report) => report.applied).sort()).toEqual(folders);
      expect(reports.flatMap((report) => report.alreadyApplied).sort()).toEqual(folders);
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      const { rows } = await client.query('SELECT count(*)::int AS count FROM _prisma_migrations');
      await client.end();
      expect(rows[0].count).toBe(folders.length);
    } finally {
      await database.drop();
    }
  });
});

describe("compatibility with Prisma's own migrate (its schema engine, in WebAssembly)", () => {
  const noFilters = { externalTables: [], externalEnums: [] };
  const prismaStatus = async (url: string, directory = migrationsDirectory) =>
    withSchemaEngine(url, await readSchema(schemaFile), async (engine) =>
      engine.diagnoseMigrationHistory({
        migrationsList: await migrationList(directory),
        optInToShadowDatabase: false,
        filters: noFilters,
      }),
    );
  const upToDate = { history: null, failedMigrationNames: [], editedMigrationNames: [], hasMigrationsTable: true };

  let database: Awaited<ReturnType<typeof createEmptyDatabase>>;
  beforeEach(async () => {
    database = await createEmptyDatabase();
  });
  afterEach(() => database.drop());

  it('`prisma migrate status` finds a database migrated here up to date, and `deploy` has nothing to do', async () => {
    await migratePostgres(database.url);

    expect(await prismaStatus(database.url)).toEqual(upToDate);
    const deployed = await withSchemaEngine(database.url, await readSchema(schemaFile), async (engine) =>
      engine.applyMigrations({ migrationsList: await migrationList(migrationsDirectory), filters: noFilters }),
    );
    expect(deployed.appliedMigrationNames).toEqual([]);
  });

  it('`prisma migrate status` accepts the record of a failed, rolled-back and retried migration', async () => {
    const directory = await migrationsFolder({
      '20000101000000_first': 'CREATE TABLE "First" (id INTEGER);\n',
      '20000102000000_broken': 'SELECT * FROM "Missing";\n',
    });
    await expect(migratePostgres(database.url, directory)).rejects.toThrow(MigrationError);
    await writeFile(path.join(directory, '20000102000000_broken', 'migration.sql'), 'CREATE TABLE "Fixed" (id INTEGER);\n');
    await migratePostgres(database.url, directory);

    expect(await prismaStatus(database.url, directory)).toEqual(upToDate);
  });

  it('takes over a database that Prisma migrated', async () => {
    await withSchemaEngine(database.url, await readSchema(schemaFile), async (engine) =>
      engine.applyMigrations({ migrationsList: await migrationList(migrationsDirectory), filters: noFilters }),
    );

    expect(await migratePostgres(database.url)).toEqual({ applied: [], alreadyApplied: await migrationFolders() });
  });
});

describe('migration diff (Prisma schema engine, WebAssembly)', () => {
  it('finds prisma/migrations in step with schema.prisma', async () => {
    const pending = await diffMigrationsToSchema({ serverUrl: databaseAdminUrl });
    expect(pending, `schema.prisma has changes no migration makes:\n${pending}`).toBeNull();
  });

  it('writes a migration folder for a schema change, then reports no changes', async () => {
    const migrations = await temporaryFolder();
    await cp(migrationsDirectory, migrations, { recursive: true });
    const schema = path.join(await temporaryFolder(), 'schema.prisma');
    await writeFile(schema, `${await readFile(schemaFile, 'utf8')}\nmodel Desk {\n  id   Int    @id @default(autoincrement())\n  name String @unique\n}\n`);
    const options = { serverUrl: databaseAdminUrl, migrations, schema, now: new Date('2030-01-02T03:04:05Z') };

    const folder = await createMigration({ ...options, name: 'Add the desk' });

    expect(folder).toBe(path.join(migrations, '20300102030405_add_the_desk'));
    expect(await readFile(path.join(folder!, 'migration.sql'), 'utf8')).toBe(
      [
        '-- CreateTable',
        'CREATE TABLE "Desk" (',
        '    "id" SERIAL NOT NULL,',
        '    "name" TEXT NOT NULL,',
        '',
        '    CONSTRAINT "Desk_pkey" PRIMARY KEY ("id")',
        ');',
        '',
        '-- CreateIndex',
        'CREATE UNIQUE INDEX "Desk_name_key" ON "Desk"("name");',
        '',
      ].join('\n'),
    );
    expect(await createMigration({ ...options, name: 'again' })).toBeNull();
  });
});
