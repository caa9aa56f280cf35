// Prisma's schema engine, compiled to WebAssembly (@prisma/schema-engine-wasm), driven through
// the pg driver adapter: the same migration logic as the Prisma CLI, without its native binary.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
// A dependency of @prisma/adapter-pg: it wraps an adapter's results the way the engine expects.
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { MigrationList, SchemaEngine, SchemasContainer } from '@prisma/schema-engine-wasm';
import * as schemaEngineBindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import pg from 'pg';
import { readMigrations } from './migrate.js';

export type { SchemaEngine } from '@prisma/schema-engine-wasm';

// The project's lib (ES2023, no DOM) has no WebAssembly types; this is the part used here.
declare const WebAssembly: {
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: Record<string, unknown> } }>;
};

let bindingsReady: Promise<typeof schemaEngineBindings> | undefined;

/** The package's entry imports the .wasm file as a module, which Node 20 cannot do: instantiate it by hand. */
function loadBindings(): Promise<typeof schemaEngineBindings> {
  bindingsReady ??= (async () => {
    const entry = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm');
    const bytes = await readFile(path.join(path.dirname(entry), 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': schemaEngineBindings });
    schemaEngineBindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return schemaEngineBindings;
  })();
  return bindingsReady;
}

/**
 * The engine's "shadow database" is the engine's own database here: callers that need a scratch
 * database make one themselves. adapter-pg 7.10's shadow database was opened on the main database
 * when given a connection string, and its DROP ran before its pool closed, leaving it behind.
 */
class OneDatabasePg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    // adapter-pg 7.10 runs a migration script split at every ";", which cuts a function body
    // ($$ … ; … $$, as the outbox triggers have) apart. PostgreSQL takes the whole script as one
    // simple query, as Prisma's native engine sends it.
    adapter.executeScript = async (script: string) => {
      try {
        await adapter.underlyingDriver().query(script);
      } catch (error) {
        (adapter as unknown as { onError(error: unknown): never }).onError(error);
      }
    };
    return adapter;
  }

  override connectToShadowDb() {
    return this.connect();
  }
}

/**
 * The engine's catalog queries return PostgreSQL's internal "char" type (pg_constraint.confdeltype
 * and the like), which adapter-pg 7.10 refuses as an unsupported column type. Its values are
 * one-letter strings, so they are handed over as text.
 */
class CatalogCharAsTextClient extends pg.Client {}
const internalCharType = 18;
const textType = 25;
function charAsText(result: pg.QueryResult | pg.QueryResult[] | undefined) {
  for (const one of Array.isArray(result) ? result : result ? [result] : []) {
    for (const field of one.fields ?? []) if (field.dataTypeID === internalCharType) field.dataTypeID = textType;
  }
  return result;
}
const plainQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
// Called both ways: with a callback by the pool, returning a promise otherwise.
CatalogCharAsTextClient.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const callback = args.at(-1);
  if (typeof callback === 'function') {
    args[args.length - 1] = (error: unknown, result?: pg.QueryResult) => callback(error, charAsText(result));
    return plainQuery.apply(this, args);
  }
  const pending = plainQuery.apply(this, args);
  return pending instanceof Promise ? pending.then(charAsText) : pending;
} as typeof pg.Client.prototype.query;

/** Runs `work` with a schema engine connected to `databaseUrl`, for the given Prisma schema files. */
export async function withSchemaEngine<T>(
  databaseUrl: string,
  schema: SchemasContainer,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const bindings = await loadBindings();
  const pool = new pg.Pool({ connectionString: databaseUrl, Client: CatalogCharAsTextClient });
  try {
    const engine = await bindings.SchemaEngine.new(
      { datamodels: schema.files.map((file) => [file.path, file.content]) },
      () => {}, // the engine's trace log
      bindMigrationAwareSqlAdapterFactory(new OneDatabasePg(pool)),
    );
    try {
      return await work(engine);
    } finally {
      engine.free();
    }
  } finally {
    await pool.end();
  }
}

/** A Prisma schema file as the engine takes it. */
export async function readSchema(file: string): Promise<SchemasContainer> {
  return { files: [{ path: file, content: await readFile(file, 'utf8') }] };
}

/** The migrations folder as the engine takes it (Prisma's CLI reads it the same way). */
export async function migrationList(directory: string): Promise<MigrationList> {
  const lockfile = await readFile(path.join(directory, 'migration_lock.toml'), 'utf8').catch(() => null);
  const migrations = await readMigrations(directory);
  return {
    baseDir: directory,
    lockfile: { path: 'migration_lock.toml', content: lockfile },
    shadowDbInitScript: '',
    migrationDirectories: migrations.map((migration) => ({
      path: migration.name,
      migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: migration.sql } },
    })),
  };
}

