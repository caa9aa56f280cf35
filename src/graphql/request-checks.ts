// Requests refused for what they are rather than what they cost: operations this API does not serve
// over HTTP, and text PostgreSQL cannot store or compare (a NUL character), caught here rather than as
// a database error deep inside a statement.
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, visit, type DocumentNode } from 'graphql';
import type { Context } from './context.js';

const NUL = '\u0000';

/** Whether a variable (or anything in it) holds a NUL character. */
export function holdsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes(NUL);
  if (depth > 20 || value === null || typeof value !== 'object') return false;
  return Object.values(value).some((item) => holdsNul(item, depth + 1));
}

/** Whether a string literal in the document holds a NUL (written as an escape: GraphQL source cannot hold one). */
function literalHoldsNul(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    StringValue(node) {
      if (node.value.includes(NUL)) found = true;
    },
  });
  return found;
}

function refuse(message: string, code: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}

export function requestChecksPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request }) {
          if (operation?.operation === 'subscription') {
            throw refuse('Subscriptions are served over WebSocket (the graphql-ws protocol) at /graphql, not over HTTP', 'BAD_REQUEST');
          }
          // Only a query text with a unicode escape can hold a NUL literal: skip the walk otherwise.
          const escaped = request.query?.includes('\\u') ?? true;
          if (holdsNul(request.variables) || (escaped && literalHoldsNul(document))) {
            throw refuse('Text arguments must not contain NUL characters (U+0000)', 'BAD_USER_INPUT');
          }
        },
      };
    },
  };
}
