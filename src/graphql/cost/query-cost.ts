// Static cost of a GraphQL operation, computed before it runs, in the manner of GitHub's GraphQL API:
// every connection must say how many items it wants (first or last), the items a query could return
// are counted by multiplying page sizes down the tree, and each field is priced by the work it makes.
//
// The measure is linear in the document: each named fragment is measured once and reused wherever it
// is spread (its figures scale with the page sizes above the spread), so a document in which each
// fragment spreads the previous one twice costs one pass, not two to the power of its depth.
import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

export interface QueryCost {
  /** Items the query could return at most: the sum over connections of page size times its parents' page sizes. */
  nodes: number;
  /** Work the query could make, in points (see PRICES): items, joins, counts, searches and large texts. */
  cost: number;
  /** Deepest field nesting. */
  depth: number;
  /** Fields requested under an alias, counting a fragment's aliases each time it is spread. */
  aliases: number;
  /** Selections in the document (fields, fragment spreads, inline fragments), each counted once. */
  selections: number;
}

/** A problem with the query itself, found before it runs. */
export class QueryCostError extends Error {}

/** A document too large to measure: more selections than MAX_SELECTIONS. */
export class QueryTooLargeError extends QueryCostError {}

/**
 * Points a query pays, per item of the list above it: about 0.01 ms of server and database time each,
 * as measured on the bench corpus (`npm run bench:limits`: an article with its body is some 0.1 ms,
 * a count of a list about 0.8 ms, a full-text match over all articles 20 to 60 ms at 10k articles).
 * A field may declare its own price with
 * TypeGraphQL's `complexity` option (`@Field(() => String, { complexity: PRICES.largeText })`),
 * which is read from its `extensions.complexity`; fields that declare none pay these defaults.
 */
export const PRICES = {
  /** An item of a connection's page: a row read. */
  item: 1,
  /** A connection read under each parent item: one more list to read (searches declare more). */
  list: 1,
  /** A to-one hop (an article's source, a quote's speaker): a join or a keyed lookup. */
  join: 1,
  /** Counting a list's rows (`totalCount`): an index scan over the whole list, at least as dear as reading it. */
  count: 80,
  /** A large text (an article's body or paragraphs), by the bytes it sends and the row it reads. */
  largeText: 10,
  /** A short text (a quote's words). */
  shortText: 1,
  /** A full-text search list: the match over every article or quote, ranked. */
  search: 2_000,
};

/** Selections a document may hold; measuring and validating stay linear and small below it. */
export const MAX_SELECTIONS = 5_000;

/**
 * Items an introspection list holds, on average, in this schema: the only lists of objects without a
 * page size. Introspection is answered from memory, so its items count towards `nodes` (they are
 * sent) but its hops cost nothing; averages, not maxima, because a type's fields multiply its args.
 */
function introspectionListSizes(schema: GraphQLSchema): Map<string, number> {
  const known = listSizesBySchema.get(schema);
  if (known) return known;
  const types = Object.values(schema.getTypeMap());
  const withFields = types.filter((type) => isObjectType(type) || isInterfaceType(type) || isInputObjectType(type));
  const fields = withFields.flatMap((type) => Object.values(type.getFields()));
  const average = (total: number, count: number) => Math.max(1, Math.ceil(total / Math.max(1, count)));
  const enums = types.filter(isEnumType);
  const sizes = new Map<string, number>([
    ['types', types.length],
    ['directives', schema.getDirectives().length],
    ['fields', average(fields.length, withFields.length)],
    ['inputFields', average(fields.length, withFields.length)],
    ['args', average(fields.reduce((sum, field) => sum + ('args' in field ? field.args.length : 0), 0), fields.length)],
    ['enumValues', average(enums.reduce((sum, type) => sum + type.getValues().length, 0), enums.length)],
  ]);
  listSizesBySchema.set(schema, sizes);
  return sizes;
}

const listSizesBySchema = new WeakMap<GraphQLSchema, Map<string, number>>();

/** Items assumed for an introspection list the table above does not name (interfaces, possibleTypes). */
const SMALL_LIST = 4;

function isIntrospectionType(type: GraphQLCompositeType): boolean {
  return type.name.startsWith('__');
}

function isConnection(type: GraphQLCompositeType): boolean {
  return type.name.endsWith('Connection') && isObjectType(type);
}

function argumentValue(node: ValueNode | undefined, variables: Record<string, unknown>): unknown {
  if (!node) return undefined;
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.NULL) return null;
  return undefined;
}

function pageSize(field: FieldNode, variables: Record<string, unknown>): number | null {
  for (const name of ['first', 'last']) {
    const argument = field.arguments?.find((candidate) => candidate.name.value === name);
    const value = argumentValue(argument?.value, variables);
    if (typeof value === 'number' && Number.isFinite(value)) return Math.max(0, value);
  }
  return null;
}

function declaredPrice(field: GraphQLField<unknown, unknown>): number | undefined {
  const complexity = field.extensions?.complexity;
  return typeof complexity === 'number' ? complexity : undefined;
}

/** The field definition a selection names, including the introspection fields every type has. */
function fieldDefinition(schema: GraphQLSchema, parentType: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (name === '__typename') return TypeNameMetaFieldDef;
  if (parentType === schema.getQueryType()) {
    if (name === '__schema') return SchemaMetaFieldDef;
    if (name === '__type') return TypeMetaFieldDef;
  }
  return isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields()[name] : undefined;
}

/** What a selection set costs under one parent item; multiplied by the items above it where it is used. */
interface Tally {
  nodes: number;
  cost: number;
  depth: number;
  aliases: number;
}

/** The page a connection's selection set is measured under. */
interface Page {
  items: number;
  /** What reading the list once costs; its count costs at least as much. */
  listPrice: number;
}

const EMPTY: Tally = { nodes: 0, cost: 0, depth: 0, aliases: 0 };

function add(total: Tally, part: Tally, multiplier: number, depthOffset: number): void {
  total.nodes += part.nodes * multiplier;
  total.cost += part.cost * multiplier;
  total.aliases += part.aliases;
  total.depth = Math.max(total.depth, part.depth + depthOffset);
}

export function measureQueryCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown> = {},
): QueryCost {
  const root =
    operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  if (!root) return { ...EMPTY, selections: 0 };
  const withDefaults = { ...variables };
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (withDefaults[name] === undefined && definition.defaultValue) withDefaults[name] = argumentValue(definition.defaultValue, {});
  }
  const introspectionLists = introspectionListSizes(schema);
  // A fragment's figures depend on the page it is spread into when it is on a connection type.
  const measuredFragments = new Map<string, Tally | 'measuring'>();
  let selections = 0;

  const visitSelection = (): void => {
    if (++selections > MAX_SELECTIONS) {
      throw new QueryTooLargeError(`The query holds more than ${MAX_SELECTIONS} selections`);
    }
  };

  const fragmentTally = (name: string, page: Page | null): Tally => {
    const key = page ? `${name} ${page.items} ${page.listPrice}` : name;
    const known = measuredFragments.get(key);
    if (known === 'measuring') return EMPTY; // a cycle: validation refuses the document anyway
    if (known) return known;
    const fragment = fragments[name];
    if (!fragment) return EMPTY;
    measuredFragments.set(key, 'measuring');
    const type = schema.getType(fragment.typeCondition.name.value);
    const tally = isCompositeType(type) ? measureSet(fragment.selectionSet, type, [`...${name}`], page, new Set()) : EMPTY;
    measuredFragments.set(key, tally);
    return tally;
  };

  /**
   * `page` is set when `parentType` is a connection: its `edges` and `nodes` lists hold that many
   * items, and its `totalCount` costs at least as much as reading the list once (a search's count must
   * match everything). `spread` holds the fragments already spread into this selection set, which
   * GraphQL executes once however often they are spread there.
   */
  function measureSet(selectionSet: SelectionSetNode, parentType: GraphQLCompositeType, path: string[], page: Page | null, spread: Set<string>): Tally {
    const total: Tally = { ...EMPTY };
    for (const selection of selectionSet.selections) {
      visitSelection();
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const typeName = selection.typeCondition?.name.value;
        const type = typeName ? schema.getType(typeName) : parentType;
        add(total, measureSet(selection.selectionSet, isCompositeType(type) ? type : parentType, path, page, spread), 1, 0);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        if (spread.has(selection.name.value)) continue;
        spread.add(selection.name.value);
        add(total, fragmentTally(selection.name.value, page), 1, 0);
        continue;
      }
      if (selection.alias) total.aliases++;
      total.depth = Math.max(total.depth, 1);
      const definition = fieldDefinition(schema, parentType, selection.name.value);
      if (!definition) continue; // validation reports unknown fields
      const price = declaredPrice(definition);
      const type = getNamedType(definition.type);
      if (!selection.selectionSet || !isCompositeType(type)) {
        const leafPrice = price ?? 0;
        total.cost += selection.name.value === 'totalCount' && page ? Math.max(leafPrice, page.listPrice) : leafPrice;
        continue;
      }
      const fieldPath = [...path, selection.alias?.value ?? selection.name.value];
      // An ofType chain is as deep as the schema's type wrappers, whatever the query asks: not counted.
      const depthOffset = selection.name.value === 'ofType' ? 0 : 1;
      if (isConnection(type)) {
        const size = pageSize(selection, withDefaults);
        if (size === null) {
          throw new QueryCostError(`"${fieldPath.filter((part) => !part.startsWith('...')).join('.')}" needs a "first" or "last" argument`);
        }
        const listPrice = price ?? PRICES.list;
        total.nodes += size;
        total.cost += listPrice + size * PRICES.item;
        add(total, measureSet(selection.selectionSet, type, fieldPath, { items: size, listPrice }, new Set()), 1, depthOffset);
        continue;
      }
      const list = isListType(getNullableType(definition.type));
      const introspection = isIntrospectionType(type);
      // A connection's edges and nodes hold its page; any other list of objects is introspection's.
      const items = list ? (page?.items ?? introspectionLists.get(selection.name.value) ?? SMALL_LIST) : 1;
      if (list && !page) total.nodes += items;
      if (!list && !introspection) total.cost += price ?? PRICES.join;
      add(total, measureSet(selection.selectionSet, type, fieldPath, null, new Set()), items, depthOffset);
    }
    return total;
  }

  const tally = measureSet(operation.selectionSet, root, [], null, new Set());
  return { ...tally, selections };
}
