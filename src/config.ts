// The one place that reads the environment. Everything else receives a validated Config.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { packageRoot } from './package-root.js';

/** Limits a query must stay within before it runs (see src/graphql/cost). */
export interface QueryLimits {
  /** Items a query may ask for at most, counted by multiplying page sizes down the tree. */
  maxNodes: number;
  /** Work a query may make at most, in points (src/graphql/cost/query-cost.ts, PRICES). */
  maxCost: number;
  maxDepth: number;
  maxAliases: number;
  /** Operation definitions one document may hold. */
  maxOperations: number;
  /** Tokens (names, punctuation, values) one document may hold; parsing stops past it. */
  maxTokens: number;
}

export interface Config {
  /** PostgreSQL connection string; null means the embedded PGlite database in `dataDirectory`. */
  databaseUrl: string | null;
  /**
   * The primary reached directly, for migrations, when `databaseUrl` goes through a pooler in
   * transaction mode (a migration holds a session's advisory lock); null: `databaseUrl`.
   */
  directUrl: string | null;
  /** Streaming replicas of `databaseUrl` that serve public reads (src/db/replicas.ts); empty: the primary serves all. */
  replicaUrls: string[];
  /** A replica further behind the primary than this, in milliseconds, serves nothing until it catches up. */
  maxReplicaLag: number;
  /** How often each replica's health and replay position are checked, in milliseconds. */
  replicaCheckInterval: number;
  /**
   * Send statements as named prepared statements (each parsed and planned once per connection).
   * Off behind a pooler that cannot carry them between its server connections (PgBouncer before 1.21
   * in transaction mode).
   */
  preparedStatements: boolean;
  /** Run a document seen before as a compiled function (graphql-jit); off: graphql-js interprets every operation. */
  compiledExecution: boolean;
  /** Answer read operations one statement can build whole, once graphql-js agreed (src/graphql/direct-answers.ts); off: Apollo answers every request. */
  directAnswers: boolean;
  /** Redis for APQ's query texts, shared by every instance; null keeps them in each process. */
  redisUrl: string | null;
  /**
   * `demo`: `serve` stores the demo articles in seeds/ when the database has no article yet (the
   * embedded database's default, so a newcomer has data at once); `none`: never (PostgreSQL's default).
   */
  seed: 'demo' | 'none';
  /** Folder of the embedded database (used only without DATABASE_URL). */
  dataDirectory: string;
  host: string;
  port: number;
  production: boolean;
  /** Serve the GraphQL IDE on GET /graphql. */
  ide: boolean;
  /** Serve the newsroom desk (the editors' review page) on /desk. */
  desk: boolean;
  /** Answer introspection queries. */
  introspection: boolean;
  /** Largest request body accepted, in bytes. */
  bodyLimit: number;
  /** Largest response sent, in bytes; a larger one is replaced by a RESPONSE_TOO_LARGE error. */
  responseLimit: number;
  /** Longest a client may take to send a request's headers, in milliseconds (a new connection's first ones too). */
  headersTimeout: number;
  /** Longest a client may take to send a whole request, body included, in milliseconds. */
  requestTimeout: number;
  /** Longest pause while a request body arrives, in milliseconds. */
  bodyTimeout: number;
  /** Connections open at once; more are refused at once. */
  maxConnections: number;
  /** PostgreSQL statement_timeout for the API's queries, in milliseconds. */
  statementTimeout: number;
  /** Origins whose pages may send an API key through CORS (any origin may read); ["*"] allows any. */
  corsOrigins: string[];
  queryLimits: QueryLimits;
  /** A persisted-documents manifest: only its operations run. Null runs any operation. */
  trustedDocuments: string | null;
  /** Subscriptions one WebSocket connection may hold at once. */
  maxSubscriptions: number;
  /**
   * Days the outbox keeps an event that every webhook has been sent (src/outbox/outbox-pruning.ts):
   * how far back changesSince and subscriptions can resume. 0 keeps every event.
   */
  outboxRetentionDays: number;
  /** Delivering events to registered webhooks (src/webhooks). */
  webhooks: {
    enabled: boolean;
    /** Wait before the first retry, in milliseconds; doubled each time. */
    retryMs: number;
    maxAttempts: number;
    /** Deliveries failed for good in a row that disable a webhook. */
    disableAfter: number;
    timeoutMs: number;
    /**
     * Let webhooks be registered for, and delivered to, private addresses (loopback, private
     * networks, link-local, cloud metadata: src/webhooks/receiver-addresses.ts). Off: a receiver on
     * the server's own host or network is refused, so an editor cannot make the server POST inside it.
     */
    allowPrivate: boolean;
  };
  /** pino level: fatal, error, warn, info, debug, trace or silent. */
  logLevel: string;
  /**
   * Longest a shutdown waits for in-flight requests and keep-alive connections, in milliseconds;
   * connections still open then are cut, and the database is closed.
   */
  shutdownTimeout: number;
  /** Longest the pipeline may take over one article before it is refused, in milliseconds. */
  extractionTimeout: number;
  /**
   * Threads `quotegraph ingest` extracts articles on: one fewer than the cores, at least one, so that
   * the thread storing batches (and a PostgreSQL on the same machine) keeps a core.
   */
  extractionThreads: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Environment = Record<string, string | undefined>;

function readBoolean(environment: Environment, name: string, fallback: boolean): boolean {
  const value = environment[name]?.trim().toLowerCase();
  if (value === undefined || value === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off'].includes(value)) return false;
  throw new ConfigError(`${name} must be true or false, not "${environment[name]}"`);
}

function readWholeNumber(environment: Environment, name: string, fallback: number, minimum = 1): number {
  const value = environment[name]?.trim();
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < minimum) {
    throw new ConfigError(`${name} must be a whole number of at least ${minimum}, not "${value}"`);
  }
  return number;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function readLogLevel(environment: Environment): string {
  const value = environment.LOG_LEVEL?.trim().toLowerCase() || 'info';
  if (!LOG_LEVELS.includes(value)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${value}"`);
  return value;
}

function readPort(environment: Environment): number {
  const value = environment.PORT?.trim();
  if (value === undefined || value === '') return 4000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, not "${value}"`);
  }
  return port;
}

function checkPostgresUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name} is not a valid URL (expected postgresql://user@host:port/database)`);
  }
  if (url.protocol !== 'postgresql:' && url.protocol !== 'postgres:') {
    throw new ConfigError(`${name} must start with postgresql://, not ${url.protocol}//`);
  }
  return value;
}

function readPostgresUrl(environment: Environment, name: string): string | null {
  const value = environment[name]?.trim();
  if (value === undefined || value === '') return null;
  return checkPostgresUrl(name, value);
}

function readDatabaseUrl(environment: Environment): string | null {
  return readPostgresUrl(environment, 'DATABASE_URL');
}

/**
 * A PostgreSQL server where scratch databases may be created and dropped (`db:migrate:create`
 * replays the migrations on one): DATABASE_ADMIN_URL, by default the local server.
 */
export function loadDatabaseAdminUrl(environment: Environment = process.env): string {
  return readPostgresUrl(environment, 'DATABASE_ADMIN_URL') ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
}

function readDirectUrl(environment: Environment, databaseUrl: string | null): string | null {
  const value = environment.DATABASE_DIRECT_URL?.trim();
  if (value === undefined || value === '') return null;
  if (!databaseUrl) throw new ConfigError('DATABASE_DIRECT_URL needs DATABASE_URL: it is the same PostgreSQL database reached without a pooler');
  return checkPostgresUrl('DATABASE_DIRECT_URL', value);
}

function readSeed(environment: Environment, databaseUrl: string | null): 'demo' | 'none' {
  const value = environment.QUOTEGRAPH_SEED?.trim().toLowerCase();
  if (value === undefined || value === '') return databaseUrl ? 'none' : 'demo';
  if (value === 'demo' || value === 'none') return value;
  throw new ConfigError(`QUOTEGRAPH_SEED must be demo or none, not "${environment.QUOTEGRAPH_SEED}"`);
}

function readRedisUrl(environment: Environment): string | null {
  const value = environment.REDIS_URL?.trim();
  if (value === undefined || value === '') return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError('REDIS_URL is not a valid URL (expected redis://host:6379)');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw new ConfigError(`REDIS_URL must start with redis:// or rediss://, not ${url.protocol}//`);
  return value;
}

function readReplicaUrls(environment: Environment, databaseUrl: string | null): string[] {
  const urls = (environment.DATABASE_REPLICA_URLS ?? '').split(',').map((url) => url.trim()).filter(Boolean);
  if (urls.length > 0 && !databaseUrl) throw new ConfigError('DATABASE_REPLICA_URLS needs DATABASE_URL: replicas serve reads of a PostgreSQL primary');
  return urls.map((url) => checkPostgresUrl('DATABASE_REPLICA_URLS', url));
}

export function loadConfig(environment: Environment = process.env): Config {
  const production = environment.NODE_ENV === 'production';
  const headersTimeout = readWholeNumber(environment, 'QUOTEGRAPH_HEADERS_TIMEOUT_MS', 10_000);
  const requestTimeout = readWholeNumber(environment, 'QUOTEGRAPH_REQUEST_TIMEOUT_MS', 30_000);
  // Node refuses a headers timeout longer than the request's: headers are part of the request.
  if (headersTimeout > requestTimeout) {
    throw new ConfigError(`QUOTEGRAPH_HEADERS_TIMEOUT_MS (${headersTimeout}) must not exceed QUOTEGRAPH_REQUEST_TIMEOUT_MS (${requestTimeout})`);
  }
  const databaseUrl = readDatabaseUrl(environment);
  return {
    databaseUrl,
    directUrl: readDirectUrl(environment, databaseUrl),
    replicaUrls: readReplicaUrls(environment, databaseUrl),
    redisUrl: readRedisUrl(environment),
    seed: readSeed(environment, databaseUrl),
    maxReplicaLag: readWholeNumber(environment, 'QUOTEGRAPH_MAX_REPLICA_LAG_MS', 5_000),
    replicaCheckInterval: readWholeNumber(environment, 'QUOTEGRAPH_REPLICA_CHECK_MS', 1_000, 50),
    preparedStatements: readBoolean(environment, 'QUOTEGRAPH_PREPARED_STATEMENTS', true),
    compiledExecution: readBoolean(environment, 'QUOTEGRAPH_COMPILED_EXECUTION', true),
    directAnswers: readBoolean(environment, 'QUOTEGRAPH_DIRECT_ANSWERS', true),
    dataDirectory: path.resolve(packageRoot, environment.QUOTEGRAPH_DATA_DIR?.trim() || '.data/pglite'),
    host: environment.HOST?.trim() || '127.0.0.1',
    port: readPort(environment),
    production,
    ide: readBoolean(environment, 'QUOTEGRAPH_IDE', !production),
    desk: readBoolean(environment, 'QUOTEGRAPH_DESK', !production),
    // The schema is public (schema.graphql), but introspection answers are large: off in production unless asked for.
    introspection: readBoolean(environment, 'QUOTEGRAPH_INTROSPECTION', !production),
    bodyLimit: readWholeNumber(environment, 'QUOTEGRAPH_BODY_LIMIT', 600_000),
    responseLimit: readWholeNumber(environment, 'QUOTEGRAPH_MAX_RESPONSE_BYTES', 4_000_000),
    headersTimeout,
    requestTimeout,
    bodyTimeout: readWholeNumber(environment, 'QUOTEGRAPH_BODY_TIMEOUT_MS', 10_000),
    maxConnections: readWholeNumber(environment, 'QUOTEGRAPH_MAX_CONNECTIONS', 1_000),
    statementTimeout: readWholeNumber(environment, 'QUOTEGRAPH_STATEMENT_TIMEOUT_MS', 5_000),
    corsOrigins: (environment.QUOTEGRAPH_CORS_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter(Boolean),
    queryLimits: {
      maxNodes: readWholeNumber(environment, 'QUOTEGRAPH_MAX_NODES', 50_000),
      maxCost: readWholeNumber(environment, 'QUOTEGRAPH_MAX_COST', 50_000),
      maxDepth: readWholeNumber(environment, 'QUOTEGRAPH_MAX_DEPTH', 12),
      maxAliases: readWholeNumber(environment, 'QUOTEGRAPH_MAX_ALIASES', 30, 0),
      maxOperations: readWholeNumber(environment, 'QUOTEGRAPH_MAX_OPERATIONS', 5),
      maxTokens: readWholeNumber(environment, 'QUOTEGRAPH_MAX_TOKENS', 5_000),
    },
    trustedDocuments: environment.QUOTEGRAPH_TRUSTED_DOCUMENTS?.trim() ? path.resolve(environment.QUOTEGRAPH_TRUSTED_DOCUMENTS.trim()) : null,
    maxSubscriptions: readWholeNumber(environment, 'QUOTEGRAPH_MAX_SUBSCRIPTIONS', 20),
    outboxRetentionDays: readWholeNumber(environment, 'QUOTEGRAPH_OUTBOX_RETENTION_DAYS', 7, 0),
    webhooks: {
      enabled: readBoolean(environment, 'QUOTEGRAPH_WEBHOOKS', true),
      retryMs: readWholeNumber(environment, 'QUOTEGRAPH_WEBHOOK_RETRY_MS', 1_000),
      maxAttempts: readWholeNumber(environment, 'QUOTEGRAPH_WEBHOOK_ATTEMPTS', 8),
      disableAfter: readWholeNumber(environment, 'QUOTEGRAPH_WEBHOOK_DISABLE_AFTER', 5),
      timeoutMs: readWholeNumber(environment, 'QUOTEGRAPH_WEBHOOK_TIMEOUT_MS', 10_000),
      allowPrivate: readBoolean(environment, 'QUOTEGRAPH_WEBHOOKS_ALLOW_PRIVATE', false),
    },
    logLevel: readLogLevel(environment),
    shutdownTimeout: readWholeNumber(environment, 'QUOTEGRAPH_SHUTDOWN_TIMEOUT_MS', 10_000),
    extractionTimeout: readWholeNumber(environment, 'QUOTEGRAPH_EXTRACTION_TIMEOUT_MS', 5_000),
    extractionThreads: readWholeNumber(environment, 'QUOTEGRAPH_EXTRACTION_THREADS', Math.max(1, availableParallelism() - 1)),
  };
}
