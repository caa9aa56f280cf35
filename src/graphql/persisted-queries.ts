// Where Apollo keeps automatic persisted queries (a document's hash to its text): in Redis when
// REDIS_URL is set, so a hash registered through one instance is known to every other; in the
// process otherwise. Redis being away costs a miss, never an error: the client then sends the
// whole document again, as it does for a hash it never registered.
import type { PersistedQueryOptions } from '@apollo/server';
import { createClient } from '@redis/client';
import type { Logger } from '../logger.js';

type KeyValueCache = NonNullable<PersistedQueryOptions['cache']>;

/** Longest a Redis command may take before it counts as a miss, in milliseconds. */
const COMMAND_TIMEOUT_MS = 250;
/** Keys are namespaced, as the Redis may serve other applications too. */
const PREFIX = 'quotegraph:apq:';

export interface PersistedQueryStore {
  /** Apollo's `persistedQueries` option. */
  options: PersistedQueryOptions;
  close(): Promise<void>;
}

function withinTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${COMMAND_TIMEOUT_MS} ms`)), COMMAND_TIMEOUT_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Apollo's own in-process cache, or Redis at `redisUrl`. */
export async function persistedQueryStore(redisUrl: string | null, logger: Logger): Promise<PersistedQueryStore> {
  if (!redisUrl) return { options: {}, close: async () => undefined };
  const client = createClient({
    url: redisUrl,
    // A command sent while Redis is away fails at once (a miss) instead of waiting in a queue.
    disableOfflineQueue: true,
    socket: { connectTimeout: 2_000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 5_000) },
  });
  let reported = false;
  client.on('error', (error: Error) => {
    if (reported) return;
    reported = true;
    logger.warn({ err: error }, 'Redis unavailable: persisted queries miss until it is back');
  });
  client.on('ready', () => {
    if (reported) logger.info('Redis available again for persisted queries');
    reported = false;
  });
  // Started, not awaited: the API serves without Redis, and the client keeps reconnecting.
  client.connect().catch(() => undefined);
  const cache: KeyValueCache = {
    async get(key) {
      try {
        return (await withinTimeout(client.get(PREFIX + key))) ?? undefined;
      } catch {
        return undefined;
      }
    },
    async set(key, value, options) {
      try {
        const ttl = options?.ttl;
        await withinTimeout(ttl ? client.set(PREFIX + key, value, { expiration: { type: 'EX', value: ttl } }) : client.set(PREFIX + key, value));
      } catch {
        // Not kept: the next request with this hash is a miss, and the client sends the document again.
      }
    },
    async delete(key) {
      try {
        await withinTimeout(client.del(PREFIX + key));
      } catch {
        // A key that could not be deleted expires, or is overwritten by the next registration.
      }
    },
  };
  return {
    options: { cache },
    async close() {
      if (client.isOpen) await client.close().catch(() => undefined);
      else client.destroy();
    },
  };
}
