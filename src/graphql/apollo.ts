// Apollo Server over the Quotegraph schema: errors that never leak internals, and a request id on
// every internal error so an operator can find it in the logs.
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import type { Context } from './context.js';

const INTERNAL = 'INTERNAL_SERVER_ERROR';

/** Client errors keep their message; anything else becomes a bare internal error. */
function formatError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
  const code = extensions.code;
  if (code && code !== INTERNAL) return { ...formatted, extensions };
  return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: INTERNAL } };
}

/** Logs internal errors with the request id and puts that id in the client's error. */
const internalErrorReporting: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, contextValue }) {
        for (const error of errors) {
          const code = error.extensions?.code;
          if (code && code !== INTERNAL) continue;
          console.error(JSON.stringify({
            level: 'error',
            requestId: contextValue.requestId,
            message: error.originalError?.message ?? error.message,
            path: error.path,
            stack: error.originalError?.stack,
          }));
        }
      },
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single') return;
        for (const error of response.body.singleResult.errors ?? []) {
          if (error.extensions?.code === INTERNAL) {
            (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
          }
        }
      },
    };
  },
};

export interface ApolloOptions {
  introspection: boolean;
}

export async function createApolloServer(schema: GraphQLSchema, options: ApolloOptions): Promise<ApolloServer<Context>> {
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: options.introspection,
    includeStacktraceInErrorResponses: false,
    formatError,
    // The IDE is served by our own HTTP layer, from local files (no CDN).
    plugins: [ApolloServerPluginLandingPageDisabled(), internalErrorReporting],
  });
  await apollo.start();
  return apollo;
}
