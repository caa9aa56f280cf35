// Refuses queries over the cost, depth, alias or size limits before they run, and reports every
// operation's cost in the response's `extensions.cost`. (A document's size in tokens is capped
// earlier, when Apollo parses it: see `maxTokens` in ../apollo.ts.)
import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { QueryLimits } from '../../config.js';
import type { Context } from '../context.js';
import { measureQueryCost, QueryCostError, QueryTooLargeError, type QueryCost } from './query-cost.js';

function refuse(message: string, code: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 }, ...extensions } });
}

/**
 * Costs by operation and variables. Apollo keeps one parsed document per query text, so a query
 * sent again is measured once; the entries go with the document when Apollo drops it.
 */
const measured = new WeakMap<OperationDefinitionNode, Map<string, QueryCost>>();

function costOf(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): QueryCost {
  const key = JSON.stringify(variables);
  let costs = measured.get(operation);
  const known = costs?.get(key);
  if (known) return known;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  const cost = measureQueryCost(schema, operation, fragments, variables);
  if (!costs) measured.set(operation, (costs = new Map()));
  // Variables vary freely (cursors, slugs): keep a bounded number per operation.
  if (costs.size < 100) costs.set(key, cost);
  return cost;
}

/** Throws the refusal a client sees when `document` or its operation is over a limit; returns its cost otherwise. */
export function checkLimits(limits: QueryLimits, schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): QueryCost {
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (operations.length > limits.maxOperations) {
    throw refuse(`A request may hold at most ${limits.maxOperations} operations, not ${operations.length}`, 'BAD_USER_INPUT');
  }
  let cost: QueryCost;
  try {
    cost = costOf(schema, document, operation, variables);
  } catch (error) {
    if (error instanceof QueryTooLargeError) throw refuse(`${error.message}: split it into smaller queries`, 'QUERY_TOO_COMPLEX');
    if (error instanceof QueryCostError) throw refuse(error.message, 'BAD_USER_INPUT');
    throw error;
  }
  if (cost.depth > limits.maxDepth) {
    throw refuse(`Query depth ${cost.depth} is over the limit of ${limits.maxDepth}`, 'QUERY_TOO_COMPLEX', { cost });
  }
  if (cost.aliases > limits.maxAliases) {
    throw refuse(`Query uses ${cost.aliases} aliases, over the limit of ${limits.maxAliases}`, 'QUERY_TOO_COMPLEX', { cost });
  }
  if (cost.nodes > limits.maxNodes) {
    throw refuse(`Query could return ${cost.nodes} items, over the limit of ${limits.maxNodes}: ask for smaller pages`, 'QUERY_TOO_COSTLY', { cost });
  }
  if (cost.cost > limits.maxCost) {
    throw refuse(
      `Query could cost ${cost.cost} points, over the limit of ${limits.maxCost}: ask for smaller pages, fewer large fields (body, paragraphs) or fewer counts and searches`,
      'QUERY_TOO_COSTLY',
      { cost },
    );
  }
  return cost;
}

export function queryCostPlugin(limits: QueryLimits): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let cost: QueryCost | null = null;
      return {
        async didResolveOperation({ document, operation, request, schema }) {
          if (operation) cost = checkLimits(limits, schema, document, operation, request.variables ?? {});
        },
        async willSendResponse({ response }) {
          if (cost === null || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, cost: { ...cost, limit: limits.maxNodes, costLimit: limits.maxCost } };
        },
      };
    },
  };
}
