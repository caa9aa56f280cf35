// Starts the API: opens the database (embedded by default, created, migrated and seeded on first
// start), builds the schema and serves HTTP until SIGTERM or SIGINT.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServer } from '@apollo/server';
import { loadConfig, type Config } from './config.js';
import { openMigratedDatabase, type Database } from './db/client.js';
import { createApolloServer } from './graphql/apollo.js';
import type { Context } from './graphql/context.js';
import { buildQuotegraphSchema } from './graphql/schema.js';
import { createHttpServer } from './http/app.js';
import { createLogger, type Logger } from './logger.js';
import { seedDatabase } from './seeds.js';

export interface RunningApi {
  server: Server;
  apollo: ApolloServer<Context>;
  url: string;
  /** Stops accepting connections, lets in-flight requests finish, then stops Apollo. */
  close(): Promise<void>;
}

export type ApiOptions = Partial<Config> & { logger?: Logger };

/** Serves the API over `database`; options not given come from the environment (port 0 picks a free one). */
export async function serveApi(database: Database, options: ApiOptions = {}): Promise<RunningApi> {
  const config = { ...loadConfig(), ...options };
  const logger = options.logger ?? createLogger(config.logLevel);
  const apollo = await createApolloServer(await buildQuotegraphSchema(), {
    introspection: config.introspection,
    queryLimits: config.queryLimits,
    logger,
  });
  const server = createHttpServer({
    apollo,
    database,
    ide: config.ide,
    bodyLimit: config.bodyLimit,
    corsOrigins: config.corsOrigins,
    logger,
  });
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
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
      await apollo.stop();
    },
  };
}

/** Opens the database; an empty embedded database gets the seeds, so a newcomer has data at once. */
async function openDatabase(config: Config, logger: Logger): Promise<Database> {
  const { database } = await openMigratedDatabase(config);
  if (database.kind === 'embedded' && (await database.prisma.article.count()) === 0) {
    const report = await seedDatabase(database.writer);
    logger.info({ articles: report.created.length }, 'seeded the embedded database');
  }
  return database;
}

export async function startServer(config: Config): Promise<void> {
  const logger = createLogger(config.logLevel);
  const database = await openDatabase(config, logger);
  const api = await serveApi(database, { ...config, logger });
  logger.info({ database: database.kind, location: database.location, url: api.url }, 'listening');
  // A person starting the server wants the address in plain words, whatever the log level.
  console.log(`Quotegraph on ${database.kind === 'embedded' ? `the embedded database in ${database.location}` : database.location}`);
  console.log(`GraphQL API${config.ide ? ' and IDE' : ''}: ${api.url}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests, then closing the database');
    const deadline = setTimeout(() => {
      logger.error({ timeoutMs: config.shutdownTimeout }, 'shutdown took too long; exiting');
      process.exit(1);
    }, config.shutdownTimeout);
    deadline.unref();
    await api.close();
    await database.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}
