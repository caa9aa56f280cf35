// Apollo Server over the Quotegraph schema: query limits before execution, errors that never leak
// internals, and one structured log line per operation, however many of its fields failed.
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLError, GraphQLFormattedError, GraphQLSchema } from 'graphql';
import type { QueryLimits } from '../config.js';
import { classifyDatabaseError } from '../db/database-errors.js';
import type { Logger } from '../logger.js';
import type { Context } from './context.js';
import { cachePolicyPlugin } from './cache/cache-policy.js';
import { compiledExecution, type CompiledExecutionOptions } from './compiled-execution.js';
import type { QueryTextCache, TrustedDocuments } from './persisted-queries.js';
import { queryCostPlugin } from './cost/cost-plugin.js';
import { readYourWritesPlugin } from './read-your-writes.js';
import { requestChecksPlugin } from './request-checks.js';

const INTERNAL = 'INTERNAL_SERVER_ERROR';

/** Names (an operation's, a field's) longer than this are cut in error messages and logs. */
const MAX_NAME_LENGTH = 100;
/** Error messages longer than this are cut, whatever made them long. */
const MAX_MESSAGE_LENGTH = 1_000;

function shortened(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}

/** An operation's name as its log line carries it (cut short), or null. */
export function loggedOperationName(name: unknown): string | null {
  return typeof name === 'string' ? shortened(name, MAX_NAME_LENGTH) : null;
}

const LONG_QUOTED_NAME = new RegExp(`"([^"]{${MAX_NAME_LENGTH + 1},})"`, 'g');

/** A message as the client and the log get it: a client may make a name as long as the body limit. */
function shortenedMessage(message: string): string {
  const names = message.replace(LONG_QUOTED_NAME, (_quoted, name: string) => `"${shortened(name, MAX_NAME_LENGTH)}"`);
  return shortened(names, MAX_MESSAGE_LENGTH);
}

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
  if (code && code !== INTERNAL) return { ...formatted, message: shortenedMessage(formatted.message), extensions };
  const failure = classifyDatabaseError(unwrapResolverError(error));
  const reply = failure ? DATABASE_FAILURES[failure] : { code: INTERNAL, message: 'Internal server error' };
  return { message: reply.message, locations: formatted.locations, path: formatted.path, extensions: { code: reply.code } };
}

/**
 * Logs one line per operation, and stamps internal and database errors with the request id. A
 * failed operation's line counts its errors by code and carries the first unexpected one (with its
 * stack) once: a list whose every item failed used to write a line and a stack per item.
 */
function operationLogging(logger: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue, request }) {
      const started = performance.now();
      let firstFailure: { error: unknown; path: GraphQLError['path'] } | undefined;
      return {
        async didEncounterErrors({ errors }) {
          if (firstFailure) return;
          const failed = errors.find((error) => !error.extensions?.code || error.extensions.code === INTERNAL);
          if (failed) firstFailure = { error: unwrapResolverError(failed), path: failed.path };
        },
        async willSendResponse({ response, operationName }) {
          const result = response.body.kind === 'single' ? response.body.singleResult : null;
          const codes: Record<string, number> = {};
          for (const error of result?.errors ?? []) {
            const code = String(error.extensions?.code ?? INTERNAL);
            codes[code] = (codes[code] ?? 0) + 1;
            if (code === INTERNAL || code.startsWith('DATABASE_')) {
              (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
            }
          }
          const name = operationName ?? request.operationName;
          const line = {
            requestId: contextValue.requestId,
            operationName: loggedOperationName(name),
            durationMs: Math.round((performance.now() - started) * 10) / 10,
            cost: result?.extensions?.cost,
            errors: result?.errors ? codes : undefined,
            status: response.http.status ?? 200,
          };
          if (!firstFailure) return logger.info(line, 'graphql operation');
          const databaseFailure = classifyDatabaseError(firstFailure.error);
          const failure = { ...line, path: firstFailure.path, err: firstFailure.error, databaseFailure };
          // The database being away or slow is an operations matter, not a bug here.
          if (databaseFailure) logger.warn(failure, 'graphql operation failed');
          else logger.error(failure, 'graphql operation failed');
        },
      };
    },
  };
}

export interface ApolloOptions {
  introspection: boolean;
  /** Where APQ keeps query texts by hash (Redis, or the trusted manifest); Apollo's in-process cache otherwise. */
  persistedQueries?: QueryTextCache;
  /** Only these operations run, when set. */
  trustedDocuments?: TrustedDocuments;
  queryLimits: QueryLimits;
  logger: Logger;
  /** Run repeated documents as compiled functions (compiled-execution.ts); false: graphql-js runs every operation. */
  compiledExecution: CompiledExecutionOptions | false;
}

export async function createApolloServer(schema: GraphQLSchema, options: ApolloOptions): Promise<ApolloServer<Context>> {
  const apollo = new ApolloServer<Context>({
    ...(options.compiledExecution ? { gateway: compiledExecution(schema, options.compiledExecution) } : { schema }),
    introspection: options.introspection,
    includeStacktraceInErrorResponses: false,
    // Validation is linear in the document but slow per node (about 27 rules visit each): four
    // thousand aliases of an introspection field took 1 to 2 s to validate before the alias limit
    // could refuse them. A cap on tokens refuses such a document while parsing it.
    parseOptions: { maxTokens: options.queryLimits.maxTokens },
    // Our stop sequence (src/server.ts) owns SIGTERM and SIGINT: Apollo's own handler stopped it
    // while the HTTP server still served (every later request failed with a 500), and a second
    // stop() called meanwhile waited forever on Apollo's unresolved barrier.
    stopOnTerminationSignals: false,
    formatError,
    ...(options.persistedQueries ? { persistedQueries: { cache: options.persistedQueries } } : {}),
    plugins: [
      ...(options.trustedDocuments ? [options.trustedDocuments.plugin()] : []),
      // The IDE is served by our own HTTP layer, from local files (no CDN).
      ApolloServerPluginLandingPageDisabled(),
      // Apollo's cache-control plugin wraps every field's resolver to compute a policy per request;
      // ours (cachePolicyPlugin) computes it once per document. Nor do we report usage to Apollo's cloud.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      // Inline traces are for a federated subgraph, which this is not; Apollo otherwise loads the
      // plugin (and its 150 KB protobuf code) on every start only to find that out.
      ApolloServerPluginInlineTraceDisabled(),
      requestChecksPlugin(),
      cachePolicyPlugin(),
      queryCostPlugin(options.queryLimits),
      readYourWritesPlugin(),
      operationLogging(options.logger),
    ],
  });
  await apollo.start();
  return apollo;
}
