// PostGraphile 5 with its recommended preset (amber) over the same database, for comparison only.
// Run as a child process by bench/run.ts: DATABASE_URL and PORT in the environment; it prints
// "ready" once listening.
import pg from 'pg';
import { comparisonPool } from './database.js';
import { importBenchDependency } from './dependencies.js';

/**
 * What PostGraphile needs from the database to offer the benchmark's shapes, added in the bench
 * setup only (never in the app's migrations): unique constraints over Prisma's unique slug indexes
 * (it builds personBySlug from constraints, not indexes; the index keeps its name, so our own
 * server sees the same database), and search functions (it has no full-text search of its own),
 * ranked like ours: best match first, ties by id, newest first.
 */
export async function preparePostgraphile(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const table of ['Article', 'Person', 'Source', 'Topic']) {
      await client.query(`DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = '${table}_slug_key') THEN
          ALTER TABLE "${table}" ADD CONSTRAINT "${table}_slug_key" UNIQUE USING INDEX "${table}_slug_key";
        END IF; END $$`);
    }
    for (const table of ['Article', 'Quote']) {
      // Ranked like ours, through the same function (migration search_terms), which needs the page size.
      await client.query(`DROP FUNCTION IF EXISTS bench_search_${table.toLowerCase()}s(text)`);
      await client.query(`CREATE OR REPLACE FUNCTION bench_search_${table.toLowerCase()}s(query text, wanted int) RETURNS SETOF "${table}"
        LANGUAGE sql STABLE AS $$
          SELECT t.* FROM "quotegraph_search"('${table.toUpperCase()}', query, NULL, NULL, wanted) found
          JOIN "${table}" t ON t."id" = found."id" ORDER BY found."rank" DESC, found."id" DESC
        $$`);
    }
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  // PostGraphile 5.1 uses Node 22's Promise.withResolvers; Node 20 needs it filled in before it loads.
  if (typeof (Promise as { withResolvers?: unknown }).withResolvers !== 'function') {
    Object.defineProperty(Promise, 'withResolvers', {
      configurable: true,
      writable: true,
      value<T>() {
        let resolve!: (value: T | PromiseLike<T>) => void;
        let reject!: (reason?: unknown) => void;
        const promise = new Promise<T>((yes, no) => {
          resolve = yes;
          reject = no;
        });
        return { promise, resolve, reject };
      },
    });
  }
  const { createServer } = await import('node:http');
  const { postgraphile } = await importBenchDependency<typeof import('postgraphile')>('postgraphile');
  const { grafserv } = await importBenchDependency<typeof import('postgraphile/grafserv/node')>('postgraphile/grafserv/node');
  const { PostGraphileAmberPreset } = await importBenchDependency<typeof import('postgraphile/presets/amber')>('postgraphile/presets/amber');
  const { makePgService } = await importBenchDependency<typeof import('postgraphile/adaptors/pg')>('postgraphile/adaptors/pg');

  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error('DATABASE_URL is not set');
  const pool = comparisonPool(connectionString);
  const preset: GraphileConfig.Preset = {
    extends: [PostGraphileAmberPreset],
    pgServices: [makePgService({ pool, schemas: ['public'] })],
    grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
    grafast: { explain: false },
  };
  const instance = postgraphile(preset);
  const serv = instance.createServ(grafserv);
  const server = createServer();
  await serv.addTo(server);
  if (process.argv.includes('--print-schema')) {
    // PostGraphile's own copy of graphql, which built the schema.
    const { printSchema } = await importBenchDependency<typeof import('graphql')>('graphql');
    console.log(printSchema(await instance.getSchema()));
    await instance.release();
    await pool.end();
    return;
  }
  // Build the schema before saying ready, as our own server does.
  await instance.getSchema();
  server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => console.log('ready'));
  process.on('SIGTERM', () => {
    server.close();
    void Promise.resolve(instance.release()).then(() => pool.end()).finally(() => process.exit(0));
  });
}

if (process.argv[1]?.endsWith('postgraphile-server.js')) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
