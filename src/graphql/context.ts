// What every resolver receives: the database, this request's batch loaders and who is calling.
import { authenticate, type Viewer } from '../auth/api-keys.js';
import type { Database } from '../db/client.js';
import type { SqlReader } from '../db/sql.js';
import type { SqlWriter } from '../db/writer.js';
import type { ExtractionWorker } from '../ingest/extraction-worker.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { OutboxFeed } from '../outbox/outbox-feed.js';
import { Loaders } from './loaders.js';

export interface Context {
  /** For key lookups. */
  prisma: PrismaClient;
  /** For the read statements of lists and lookups. */
  sql: SqlReader;
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
}

export interface CacheableAnswer {
  /** Seconds, from the operation's hints (src/graphql/cache/cache-policy.ts); 0 when it must not be stored. */
  maxAge: number;
  /** The objects the answer holds, as cache tags (src/graphql/cache/cache-tags.ts). */
  tags: Set<string>;
}

export function createContext(
  database: Pick<Database, 'prisma' | 'sql' | 'writer'>,
  extraction: ExtractionWorker,
  requestId: string,
  authorization?: string,
  cache?: CacheableAnswer,
): Context {
  let viewer: Promise<Viewer | null | 'invalid'> | undefined;
  return {
    prisma: database.prisma,
    sql: database.sql,
    writer: database.writer,
    extraction,
    loaders: new Loaders(database.sql),
    requestId,
    viewer: () => (viewer ??= authenticate(database.prisma, authorization)),
    ...(cache ? { cache } : {}),
  };
}
