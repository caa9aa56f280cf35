// Where Apollo keeps automatic persisted queries (APQ), and the trusted-documents mode.
//
// - With REDIS_URL, APQ's hash -> query text entries live in Redis, so a hash registered through one
//   instance is known to all (in-process, a client whose next GET landed on another instance got
//   PERSISTED_QUERY_NOT_FOUND and had to send the text again).
// - With QUOTEGRAPH_TRUSTED_DOCUMENTS (a manifest as GraphQL Code Generator's client preset writes it
//   with `persistedDocuments`: `{ "<hash>": "<query text>", … }`), only those operations run: by hash
//   (APQ's extension, or `documentId`), or by their exact text; nothing can be registered.
import { readFileSync } from 'node:fs';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Context } from './context.js';

/** Apollo's KeyValueCache, the part APQ uses. */
export interface QueryTextCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, options?: { ttl?: number | null }): Promise<void>;
  delete(key: string): Promise<boolean | void>;
}

/** How long an APQ entry stays in Redis without being registered again, in seconds. */
const APQ_TTL_SECONDS = 7 * 24 * 3600;
const REDIS_PREFIX = 'quotegraph:apq:';

export interface RedisQueryTextCache extends QueryTextCache {
  close(): Promise<void>;
}

/** APQ entries in Redis. A Redis that is away makes lookups miss (clients send the text again), never fail. */
export async function redisQueryTextCache(url: string, onError: (error: unknown) => void): Promise<RedisQueryTextCache> {
  // Loaded here, not with this module: only a server with REDIS_URL uses Redis's client (1.4 MB of
  // code). A CommonJS package: its exports are the default export, under Node and in the bundle's chunk.
  const { createClient } = (await import('redis')).default;
  const client = createClient({ url, socket: { connectTimeout: 3_000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 5_000) } });
  client.on('error', onError);
  await client.connect();
  const guarded = async <T>(work: () => Promise<T>, fallback: T): Promise<T> => {
    if (!client.isReady) return fallback;
    try {
      return await work();
    } catch (error) {
      onError(error);
      return fallback;
    }
  };
  return {
    get: (key) => guarded(async () => (await client.get(REDIS_PREFIX + key)) ?? undefined, undefined),
    set: (key, value, options) =>
      guarded(async () => void (await client.set(REDIS_PREFIX + key, value, { EX: options?.ttl ?? APQ_TTL_SECONDS })), undefined),
    delete: (key) => guarded(async () => (await client.del(REDIS_PREFIX + key)) > 0, false),
    async close() {
      await client.quit().catch(() => client.disconnect());
    },
  };
}

/** The operations a trusted-documents server runs. */
export class TrustedDocuments {
  private readonly byHash: Map<string, string>;
  private readonly texts: Set<string>;

  constructor(manifest: Record<string, string>) {
    this.byHash = new Map(Object.entries(manifest));
    this.texts = new Set(this.byHash.values());
  }

  static load(file: string): TrustedDocuments {
    let manifest: unknown;
    try {
      manifest = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new Error(`QUOTEGRAPH_TRUSTED_DOCUMENTS: cannot read ${file} as JSON (${(error as Error).message})`);
    }
    if (!manifest || typeof manifest !== 'object' || Object.values(manifest).some((text) => typeof text !== 'string')) {
      throw new Error(`QUOTEGRAPH_TRUSTED_DOCUMENTS: ${file} must be an object of hash -> operation text`);
    }
    return new TrustedDocuments(manifest as Record<string, string>);
  }

  textOf(hash: string): string | undefined {
    return this.byHash.get(hash);
  }

  allows(text: string): boolean {
    return this.texts.has(text);
  }

  /** APQ's cache in this mode: lookups by hash answer from the manifest; registrations are dropped. */
  asQueryTextCache(): QueryTextCache {
    return { get: async (key) => this.byHash.get(key.replace(/^apq:/, '')), set: async () => undefined, delete: async () => false };
  }

  /**
   * Refuses any operation whose text is not in the manifest, before it runs. (Apollo answers a
   * refusal from an earlier hook with a 500; the document is parsed under the token cap first.)
   */
  plugin(): ApolloServerPlugin<Context> {
    return {
      requestDidStart: async () => ({
        didResolveOperation: async ({ source }) => {
          if (!this.allows(source)) {
            throw new GraphQLError('This server runs only the operations in its trusted documents: send one by its hash', {
              extensions: { code: 'OPERATION_NOT_TRUSTED', http: { status: 400 } },
            });
          }
        },
      }),
    };
  }
}
