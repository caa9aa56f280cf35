// What every resolver receives: the database, this request's batch loaders and who is calling.
import { authenticate, type Viewer } from '../auth/api-keys.js';
import type { Database } from '../db/client.js';
import type { ReadRouting, Replication } from '../db/replicas.js';
import type { SqlReader } from '../db/sql.js';
import type { SqlWriter } from '../db/writer.js';
import type { ExtractionWorker } from '../ingest/extraction-worker.js';
import type { OutboxFeed } from '../outbox/outbox-feed.js';
import { Loaders } from './read/loaders.js';

export interface Context {
  /** For the read statements of lists and lookups (and the caller's key): a replica or the primary, as `routing` says. */
  sql: SqlReader;
  /** Where this request's reads go when the database has replicas; a mutation sets primaryOnly. */
  routing: ReadRouting;
  /** The database's replicas, if any (a mutation's answer then carries its commit position). */
  replication?: Replication;
  /** For writes: the ingest's transaction. */
  writer: SqlWriter;
  /** Drafts articles off the request thread, within a time budget (the ingest mutation). */
  extraction: ExtractionWorker;
  loaders: Loaders;
  requestId: string;
  /** The caller's key, looked up once and only when a resolver asks (reads are public). */
  viewer(): Promise<Viewer | null | 'invalid'>;
  /** The process's live stream of the outbox, for subscriptions (absent where nothing subscribes). */
  feed?: OutboxFeed;
  /** Set for an answer that may be cached (a GET without a key): what its headers will say (src/http/caching.ts). */
  cache?: CacheableAnswer;
  /** Webhooks may be registered for private addresses (the operator's QUOTEGRAPH_WEBHOOKS_ALLOW_PRIVATE); refused when unset. */
  allowPrivateWebhooks?: boolean;
}

export interface CacheableAnswer {
  /** Seconds, from the operation's hints (src/graphql/cache/cache-policy.ts); 0 when it must not be stored. */
  maxAge: number;
  /** The objects the answer holds, as cache tags (src/graphql/cache/cache-tags.ts). */
  tags: Set<string>;
}

export function createContext(
  database: Pick<Database, 'sql' | 'writer' | 'replication'>,
  extraction: ExtractionWorker,
  requestId: string,
  authorization?: string,
  request: {
    /** The commit position the client sent back (x-quotegraph-lsn): its reads must see that write. */
    minimumLsn?: bigint | null;
    /** Set when the answer may be cached (a GET without a key). */
    cache?: CacheableAnswer;
    /** From the server's configuration: webhooks may be registered for private addresses. */
    allowPrivateWebhooks?: boolean;
  } = {},
): Context {
  const { minimumLsn = null, cache, allowPrivateWebhooks = false } = request;
  let viewer: Promise<Viewer | null | 'invalid'> | undefined;
  const routing: ReadRouting = { primaryOnly: false, minimumLsn };
  const sql = database.replication ? database.replication.readerFor(routing) : database.sql;
  return {
    sql,
    routing,
    replication: database.replication,
    writer: database.writer,
    extraction,
    loaders: new Loaders(sql),
    requestId,
    viewer: () => (viewer ??= authenticate(database.sql, authorization)),
    allowPrivateWebhooks,
    ...(cache ? { cache } : {}),
  };
}
