// Starts the API: opens the database (embedded by default, created, migrated and seeded on first
// start), builds the schema and serves HTTP until SIGTERM or SIGINT.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServer } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import { loadConfig, type Config } from './config.js';
import { openMigratedDatabase, type Database } from './db/client.js';
import { createApolloServer } from './graphql/apollo.js';
import type { Context } from './graphql/context.js';
import { buildQuotegraphSchema } from './graphql/schema.js';
import { createHttpServer } from './http/app.js';
import { ExtractionWorker } from './ingest/extraction-worker.js';
import { createLogger, type Logger } from './logger.js';
import { seedDatabase } from './seeds.js';

export interface RunningApi {
  server: Server;
  apollo: ApolloServer<Context>;
  url: string;
  /** Stops accepting connections, lets in-flight requests finish, then stops Apollo. */
  close(): Promise<void>;
}

export type ApiOptions = Partial<Config> & {
  logger?: Logger;
  /** The schema, when the caller built it already; built here otherwise. */
  schema?: GraphQLSchema;
};

/** Serves the API over `database`; options not given come from the environment (port 0 picks a free one). */
export async function serveApi(database: Database, options: ApiOptions = {}): Promise<RunningApi> {
  const config = { ...loadConfig(), ...options };
  const logger = options.logger ?? createLogger(config.logLevel);
  const apollo = await createApolloServer(options.schema ?? (await buildQuotegraphSchema()), {
    introspection: config.introspection,
    queryLimits: config.queryLimits,
    logger,
  });
  const extraction = new ExtractionWorker(config.extractionTimeout);
  const server = createHttpServer({
    apollo,
    database,
    extraction,
    ide: config.ide,
    bodyLimit: config.bodyLimit,
    responseLimit: config.responseLimit,
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
      await extraction.close();
    },
  };
}

type OpeningDatabase = ReturnType<typeof openMigratedDatabase>;

/** Opens the database; an empty embedded database gets the seeds, so a newcomer has data at once. */
async function openDatabase(opening: OpeningDatabase, logger: Logger): Promise<Database> {
  const { database } = await opening;
  if (database.kind === 'embedded' && (await database.prisma.article.count()) === 0) {
    const report = await seedDatabase(database.writer);
    logger.info({ articles: report.created.length }, 'seeded the embedded database');
  }
  return database;
}

/**
 * Serves the API until SIGTERM or SIGINT. `opening` is the database already being opened, when the
 * caller started it before loading this module (the CLI does, so that the migration check's round
 * trips overlap loading the modules); the schema is built while it opens.
 */
export async function startServer(config: Config, opening: OpeningDatabase = openMigratedDatabase(config)): Promise<void> {
  const logger = createLogger(config.logLevel);
  opening.catch(() => undefined); // awaited below; meanwhile a failure is not unhandled
  const schema = await buildQuotegraphSchema();
  const database = await openDatabase(opening, logger);
  const api = await serveApi(database, { ...config, logger, schema });
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
