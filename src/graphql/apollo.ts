// Apollo Server over the Quotegraph schema: query limits before execution, errors that never leak
// internals, and one structured log line per operation.
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import type { QueryLimits } from '../config.js';
import { classifyDatabaseError } from '../db/database-errors.js';
import type { Logger } from '../logger.js';
import type { Context } from './context.js';
import { queryCostPlugin } from './cost/cost-plugin.js';

const INTERNAL = 'INTERNAL_SERVER_ERROR';

const DATABASE_FAILURES = {
  unavailable: { code: 'DATABASE_UNAVAILABLE', message: 'The database is unavailable right now; try again in a few seconds' },
  timeout: { code: 'QUERY_TIMEOUT', message: 'The query took too long and was stopped; ask for less' },
} as const;

/**
 * Client errors keep their message and code; a database outage or timeout gets its own code;
 * anything else becomes a bare internal error (its details go to the log, with the request id).
 */
function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
  const code = extensions.code;
  if (code && code !== INTERNAL) return { ...formatted, extensions };
  const failure = classifyDatabaseError(unwrapResolverError(error));
  const reply = failure ? DATABASE_FAILURES[failure] : { code: INTERNAL, message: 'Internal server error' };
  return { message: reply.message, locations: formatted.locations, path: formatted.path, extensions: { code: reply.code } };
}

/** Logs each operation (and internal errors, with their stack) and stamps internal errors with the request id. */
function operationLogging(logger: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue, request }) {
      const started = performance.now();
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const code = error.extensions?.code;
            if (code && code !== INTERNAL) continue;
            const original = unwrapResolverError(error);
            logger.error(
              { requestId: contextValue.requestId, path: error.path, err: original, databaseFailure: classifyDatabaseError(original) },
              'operation failed',
            );
          }
        },
        async willSendResponse({ response, operationName }) {
          const result = response.body.kind === 'single' ? response.body.singleResult : null;
          for (const error of result?.errors ?? []) {
            if (error.extensions?.code === INTERNAL || String(error.extensions?.code).startsWith('DATABASE_')) {
              (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
            }
          }
          logger.info(
            {
              requestId: contextValue.requestId,
              operationName: operationName ?? request.operationName ?? null,
              durationMs: Math.round((performance.now() - started) * 10) / 10,
              cost: result?.extensions?.cost,
              errors: result?.errors?.map((error) => error.extensions?.code),
              status: response.http.status ?? 200,
            },
            'graphql operation',
          );
        },
      };
    },
  };
}

export interface ApolloOptions {
  introspection: boolean;
  queryLimits: QueryLimits;
  logger: Logger;
}

export async function createApolloServer(schema: GraphQLSchema, options: ApolloOptions): Promise<ApolloServer<Context>> {
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: options.introspection,
    includeStacktraceInErrorResponses: false,
    // Our stop sequence (src/server.ts) owns SIGTERM and SIGINT: Apollo's own handler stopped it
    // while the HTTP server still served (every later request failed with a 500), and a second
    // stop() called meanwhile waited forever on Apollo's unresolved barrier.
    stopOnTerminationSignals: false,
    formatError,
    plugins: [
      // The IDE is served by our own HTTP layer, from local files (no CDN).
      ApolloServerPluginLandingPageDisabled(),
      // We send no cache hints, and the cache-control plugin would wrap every field's resolver to
      // compute a policy nobody reads; nor do we report usage to Apollo's cloud.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      queryCostPlugin(options.queryLimits),
      operationLogging(options.logger),
    ],
  });
  await apollo.start();
  return apollo;
}
