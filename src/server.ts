// Starts the API: opens the database (embedded by default, created, migrated and seeded on first
// start), builds the schema and serves HTTP until SIGTERM or SIGINT.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServer } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import { loadConfig, type Config } from './config.js';
import { openMigratedDatabase, type Database } from './db/client.js';
import { DirectAnswers } from './graphql/direct-answers.js';
import { createApolloServer } from './graphql/apollo.js';
import type { Context } from './graphql/context.js';
import { redisQueryTextCache, TrustedDocuments } from './graphql/persisted-queries.js';
import { buildQuotegraphSchema } from './graphql/schema.js';
import { createHttpServer } from './http/app.js';
import { ExtractionWorker } from './ingest/extraction-worker.js';
import { drainable } from './http/drain.js';
import { serveSubscriptions } from './http/subscriptions.js';
import { createLogger, type Logger } from './logger.js';
import { OutboxFeed } from './outbox/outbox-feed.js';
import { OutboxPruner } from './outbox/outbox-pruning.js';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher.js';

export interface RunningApi {
  server: Server;
  apollo: ApolloServer<Context>;
  url: string;
  /**
   * Stops accepting connections, answers what is in flight and what keep-alive clients send
   * meanwhile (with `Connection: close`), closes idle connections, then stops Apollo. Connections
   * still open after the shutdown timeout are cut; it resolves with how many.
   */
  close(): Promise<{ cut: number }>;
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
  const schema = options.schema ?? (await buildQuotegraphSchema());
  const trustedDocuments = config.trustedDocuments ? TrustedDocuments.load(config.trustedDocuments) : undefined;
  const redis = !trustedDocuments && config.redisUrl
    ? await redisQueryTextCache(config.redisUrl, (error) => logger.warn({ err: error }, 'Redis (persisted queries) failed'))
    : undefined;
  const apollo = await createApolloServer(schema, {
    persistedQueries: trustedDocuments?.asQueryTextCache() ?? redis,
    trustedDocuments,
    introspection: config.introspection,
    queryLimits: config.queryLimits,
    compiledExecution: config.compiledExecution && {},
    logger,
  });
  const extraction = new ExtractionWorker(config.extractionTimeout);
  const server = createHttpServer({
    apollo,
    directAnswers: config.directAnswers ? new DirectAnswers(schema, { queryLimits: config.queryLimits, logger }) : undefined,
    database,
    extraction,
    ide: config.ide,
    desk: config.desk,
    bodyLimit: config.bodyLimit,
    responseLimit: config.responseLimit,
    headersTimeout: config.headersTimeout,
    requestTimeout: config.requestTimeout,
    bodyTimeout: config.bodyTimeout,
    maxConnections: config.maxConnections,
    corsOrigins: config.corsOrigins,
    allowPrivateWebhooks: config.webhooks.allowPrivate,
    logger,
  });
  const feed = new OutboxFeed(database, (error) => logger.warn({ err: error }, 'reading the outbox failed; trying again'));
  const subscriptions = serveSubscriptions(server, {
    schema,
    database,
    extraction,
    feed,
    queryLimits: config.queryLimits,
    maxSubscriptions: config.maxSubscriptions,
    messageLimit: config.bodyLimit,
    trustedDocuments,
    logger,
  });
  const webhooks = new WebhookDispatcher(database, logger, config.webhooks);
  // A failure to start is logged, not fatal: the API serves without webhooks meanwhile.
  if (config.webhooks.enabled) webhooks.start().catch((error: unknown) => logger.warn({ err: error }, 'webhook delivery could not start'));
  // Every instance prunes now and then; one at a time does (an advisory lock), and an instance that
  // finds the lock taken leaves it to the other.
  const pruner = new OutboxPruner(database, logger, config.outboxRetentionDays);
  pruner.start();
  const drain = drainable(server);
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
      // Apollo keeps running until the last connection is gone: a request that keep-alive
      // clients send while the server drains is answered, not failed.
      // Subscriptions end first: a WebSocket is never idle in HTTP's sense, and would hold the drain to its deadline.
      const draining = drain(config.shutdownTimeout);
      await subscriptions.close();
      await feed.close();
      await webhooks.close();
      await pruner.close();
      await redis?.close();
      const report = await draining;
      await apollo.stop();
      await extraction.close();
      return report;
    },
  };
}

/** How long stopping Apollo and closing the database may take once the connections are gone. */
const CLOSING_MS = 5_000;

type OpeningDatabase = ReturnType<typeof openMigratedDatabase>;

async function hasArticles(database: Database): Promise<boolean> {
  const [row] = await database.sql.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM "Article") AS "any"', []);
  return row?.any === true;
}

/**
 * Opens the database; an empty one gets the demo articles when asked (QUOTEGRAPH_SEED=demo, the
 * embedded database's default), so a newcomer has data at once and a real deployment none.
 */
async function openDatabase(opening: OpeningDatabase, seed: Config['seed'], logger: Logger): Promise<Database> {
  const { database } = await opening;
  if (seed === 'demo' && !(await hasArticles(database))) {
    // Loaded here: seeding runs the extraction pipeline (word lists and rules) on this thread, which a server seeds nothing with otherwise.
    const { seedDatabase } = await import('./seeds.js');
    const report = await seedDatabase(database.writer);
    logger.info({ articles: report.created.length }, 'stored the demo articles (QUOTEGRAPH_SEED=demo)');
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
  const database = await openDatabase(opening, config.seed, logger);
  database.replication?.watch((replica) => {
    if (replica.healthy) logger.info({ replica: replica.location, lagMs: replica.lagMs }, 'replica serving reads');
    else logger.warn({ replica: replica.location, reason: replica.reason }, 'replica taken out of reads');
  });
  const api = await serveApi(database, { ...config, logger, schema });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    const started = performance.now();
    logger.info({ signal }, 'shutting down: finishing in-flight requests, then closing the database');
    const deadline = setTimeout(() => {
      logger.error({ timeoutMs: config.shutdownTimeout + CLOSING_MS }, 'shutdown took too long; exiting');
      process.exit(1);
    }, config.shutdownTimeout + CLOSING_MS);
    deadline.unref();
    try {
      const { cut } = await api.close();
      if (cut > 0) logger.warn({ connections: cut, timeoutMs: config.shutdownTimeout }, 'closed connections still open at the shutdown timeout');
      await database.close();
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
    logger.info({ durationMs: Math.round(performance.now() - started) }, 'stopped');
    process.exit(0);
  };
  // Before the address is printed: whoever reads it may signal at once, and a signal with no handler kills.
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  logger.info({ database: database.kind, location: database.location, url: api.url }, 'listening');
  // A person starting the server wants the address in plain words, whatever the log level.
  console.log(`Quotegraph on ${database.kind === 'embedded' ? `the embedded database in ${database.location}` : database.location}`);
  console.log(`GraphQL API${config.ide ? ' and IDE' : ''}: ${api.url}`);
}
