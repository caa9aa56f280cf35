// How long an answer may be cached, from hints on types and fields: computed once per document
// and operation (a walk of its selections), then reused for every request that sends it, so a
// popular query pays a map lookup. The HTTP layer (src/http/caching.ts) turns it into headers.
import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type DocumentNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { Context } from '../context.js';

/** Seconds; 0 means the answer must not be stored. */
export type MaxAge = number;

/** What a lookup by key (an article by slug, a person) may be cached for: it changes only when an editor or a revision changes it. */
const LOOKUP: MaxAge = 300;
/** Lists that grow at their head as news arrives (newest quotes, newest articles). */
const NEWEST: MaxAge = 10;
/** Other lists (people, topics, sources by name; search results). */
const LIST: MaxAge = 60;

/** Hints on fields, by "Type.field": they win over the hint of the type they return. */
const FIELD_HINTS: Record<string, MaxAge> = {
  'Query.changesSince': 0, // a client syncing wants what committed a moment ago
  'Query.changes': 0, // the record of changes needs an editor key anyway
  // An article's own lists change only when it does (a revision, a correction).
  'Article.quotes': LOOKUP,
  'Article.revisions': LOOKUP,
};

/** Hints on the types a field returns. */
const TYPE_HINTS: Record<string, MaxAge> = {
  Article: LOOKUP,
  Quote: LOOKUP,
  Person: LOOKUP,
  Source: LOOKUP,
  Topic: LOOKUP,
  Node: LOOKUP,
  QuoteConnection: NEWEST,
  ArticleConnection: NEWEST,
  PersonConnection: LIST,
  SourceConnection: LIST,
  TopicConnection: LIST,
  ArticleRevisionConnection: LIST,
  SearchResults: LIST,
  ChangeEventConnection: 0,
  ChangeConnection: 0,
};

/** The longest any answer is kept, whatever its fields (introspection, a lookup of nothing). */
const CEILING: MaxAge = LOOKUP;

function operationOf(document: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  return operationName ? operations.find((operation) => operation.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
}

/** The shortest hint of any field the operation selects, fragments included. */
function computeMaxAge(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined): MaxAge {
  const operation = operationOf(document, operationName);
  if (!operation || operation.operation !== 'query') return 0;
  const root = schema.getQueryType();
  if (!root) return 0;
  const fragments = new Map(document.definitions.flatMap((definition) => (definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition] as const] : [])));
  const visited = new Set<string>();
  let maxAge = CEILING;
  const walk = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType) => {
    for (const selection of selectionSet.selections) {
      if (maxAge === 0) return;
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        const key = `${selection.name.value}@${parent.name}`;
        if (!fragment || visited.has(key)) continue;
        visited.add(key);
        const type = schema.getType(fragment.typeCondition.name.value);
        walk(fragment.selectionSet, isCompositeType(type) ? type : parent);
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        walk(selection.selectionSet, isCompositeType(type) ? type : parent);
        continue;
      }
      const name = selection.name.value;
      if (name.startsWith('__')) continue; // introspection and __typename: as stable as the schema
      const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
      if (!field) continue;
      const type = getNamedType(field.type);
      const hint = FIELD_HINTS[`${parent.name}.${name}`] ?? TYPE_HINTS[type.name];
      if (hint !== undefined) maxAge = Math.min(maxAge, hint);
      if (selection.selectionSet && isCompositeType(type)) walk(selection.selectionSet, type);
    }
  };
  walk(operation.selectionSet, root);
  return maxAge;
}

/** Per document (Apollo keeps one parsed document per query text), per operation name. */
const computed = new WeakMap<DocumentNode, Map<string, MaxAge>>();

/** How long the answer to `operationName` of `document` may be cached, in seconds (0: not at all). */
export function maxAgeOf(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined): MaxAge {
  let byOperation = computed.get(document);
  if (!byOperation) computed.set(document, (byOperation = new Map()));
  const key = operationName ?? '';
  let maxAge = byOperation.get(key);
  if (maxAge === undefined) byOperation.set(key, (maxAge = computeMaxAge(schema, document, operationName)));
  return maxAge;
}

/**
 * Sets the cache lifetime of an answer that may be cached (the HTTP layer marks those in the
 * context): the operation's hints, or 0 when anything failed (an error is not worth keeping).
 */
export function cachePolicyPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const cache = contextValue.cache;
      if (!cache) return;
      return {
        async didResolveOperation({ document, operationName, schema }) {
          cache.maxAge = maxAgeOf(schema, document, operationName);
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single' || response.body.singleResult.errors) cache.maxAge = 0;
        },
      };
    },
  };
}
