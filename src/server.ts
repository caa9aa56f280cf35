// Starts the API: opens the database (embedded by default, created, migrated and seeded on first
// start), builds the schema and serves HTTP until SIGTERM or SIGINT.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServer } from '@apollo/server';
import type { Config } from './config.js';
import { connectPostgres, openEmbedded, type Database } from './db/client.js';
import { migratePostgres } from './db/migrate.js';
import { createApolloServer } from './graphql/apollo.js';
import type { Context } from './graphql/context.js';
import { buildQuotegraphSchema } from './graphql/schema.js';
import { createHttpServer } from './http/app.js';
import { seedDatabase } from './seeds.js';

export const DEFAULT_BODY_LIMIT = 100_000;

export interface RunningApi {
  server: Server;
  apollo: ApolloServer<Context>;
  url: string;
  close(): Promise<void>;
}

/** Serves the API over `database` on `port` (0 picks a free one). */
export async function serveApi(database: Database, config: Pick<Config, 'host' | 'port' | 'ide' | 'introspection'>): Promise<RunningApi> {
  const apollo = await createApolloServer(await buildQuotegraphSchema(), { introspection: config.introspection });
  const server = createHttpServer({ apollo, database, ide: config.ide, bodyLimit: DEFAULT_BODY_LIMIT });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    server,
    apollo,
    url: `http://${host}:${port}/graphql`,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
    },
  };
}

async function openDatabase(config: Config): Promise<Database> {
  if (config.databaseUrl) {
    await migratePostgres(config.databaseUrl);
    return connectPostgres(config.databaseUrl);
  }
  const database = await openEmbedded(config.dataDirectory);
  if ((await database.prisma.article.count()) === 0) {
    const report = await seedDatabase(database.prisma);
    console.log(`Seeded the embedded database with ${report.created.length} article(s)`);
  }
  return database;
}

export async function startServer(config: Config): Promise<void> {
  const database = await openDatabase(config);
  const api = await serveApi(database, config);
  console.log(`Quotegraph on ${database.kind === 'embedded' ? `the embedded database in ${database.location}` : database.location}`);
  console.log(`GraphQL API${config.ide ? ' and IDE' : ''}: ${api.url}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing in-flight requests, then closing the database`);
    const deadline = setTimeout(() => process.exit(1), 10_000);
    deadline.unref();
    await api.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}
