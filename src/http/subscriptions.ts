// Subscriptions over WebSocket on the same /graphql path, in the graphql-ws protocol (what Apollo
// Client, urql and Relay speak). Each operation is parsed with the same token cap, validated, and
// measured against the same query limits as over HTTP; a connection holds a bounded number.
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { GraphQLError, getOperationAST, parse, validate, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { QueryLimits } from '../config.js';
import type { Database } from '../db/client.js';
import { createContext } from '../graphql/context.js';
import { checkLimits } from '../graphql/cost/cost-plugin.js';
import type { TrustedDocuments } from '../graphql/persisted-queries.js';
import type { ExtractionWorker } from '../ingest/extraction-worker.js';
import type { Logger } from '../logger.js';
import type { OutboxFeed } from '../outbox/outbox-feed.js';

export interface SubscriptionOptions {
  schema: GraphQLSchema;
  database: Database;
  extraction: ExtractionWorker;
  feed: OutboxFeed;
  queryLimits: QueryLimits;
  /** Subscriptions one connection may hold at once. */
  maxSubscriptions: number;
  /** Largest message accepted, in bytes. */
  messageLimit: number;
  /** When set, only these operations run. */
  trustedDocuments?: TrustedDocuments;
  logger: Logger;
}

function refusal(message: string, code: string): GraphQLError[] {
  return [new GraphQLError(message, { extensions: { code } })];
}

/** Client errors keep their message and code; anything else reaches the client as a bare internal error (details logged). */
function formatted(result: ExecutionResult, logger: Logger, requestId: string): ExecutionResult {
  if (!result.errors) return result;
  const errors = result.errors.map((error) => {
    if (error.extensions?.code) return error;
    logger.error({ requestId, err: error.originalError ?? error, path: error.path }, 'subscription event failed');
    return new GraphQLError('Internal server error', { path: error.path, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } });
  });
  return { ...result, errors };
}

export interface SubscriptionServer {
  /** Ends every subscription and closes every WebSocket connection. */
  close(): Promise<void>;
}

export function serveSubscriptions(server: Server, options: SubscriptionOptions): SubscriptionServer {
  const { schema, logger } = options;
  const sockets = new WebSocketServer({ server, path: '/graphql', maxPayload: options.messageLimit });
  const disposable = useServer(
    {
      schema,
      onSubscribe(context, _id, payload) {
        if (options.trustedDocuments && !options.trustedDocuments.allows(payload.query)) {
          return refusal('This server runs only the operations in its trusted documents', 'OPERATION_NOT_TRUSTED');
        }
        let document;
        try {
          document = parse(payload.query, { maxTokens: options.queryLimits.maxTokens });
        } catch (error) {
          return refusal((error as Error).message, 'GRAPHQL_PARSE_FAILED');
        }
        const errors = validate(schema, document);
        if (errors.length > 0) return errors.map((error) => new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) return refusal('Name the operation to run (operationName)', 'BAD_USER_INPUT');
        if (operation.operation !== 'subscription') {
          return refusal('The WebSocket serves subscriptions; send queries and mutations over HTTP to the same /graphql', 'BAD_REQUEST');
        }
        const variables = payload.variables ?? {};
        try {
          checkLimits(options.queryLimits, schema, document, operation, variables);
        } catch (error) {
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
        if (Object.keys(context.subscriptions).length >= options.maxSubscriptions) {
          return refusal(`A connection may hold at most ${options.maxSubscriptions} subscriptions at once`, 'TOO_MANY_SUBSCRIPTIONS');
        }
        const authorization = context.connectionParams?.authorization;
        const contextValue = {
          ...createContext(options.database, options.extraction, randomUUID(), typeof authorization === 'string' ? authorization : undefined),
          feed: options.feed,
        };
        return { schema, document, operationName: payload.operationName, variableValues: variables, contextValue };
      },
      onNext(_context, _id, _payload, args, result) {
        return formatted(result as ExecutionResult, logger, (args.contextValue as { requestId: string }).requestId) as typeof result;
      },
    },
    sockets,
  );
  return {
    async close() {
      await disposable.dispose();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
    },
  };
}
