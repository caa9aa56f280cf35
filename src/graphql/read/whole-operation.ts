// One statement that builds a whole query operation's `data` as JSON text, for the operations that
// read only what the catalogue declares: root fields declaring their read (ReadsRowBySlug,
// ReadsTopList, ReadsLists), rows' columns, global ids, joined rows, nested lists and their counts.
// The HTTP layer answers such an operation with it and without graphql-js (../direct-answers.ts).
// Connections answer `nodes`, `edges` (with cursors), `totalCount` and `pageInfo`. Anything else (a
// field computed in TypeScript, a cursor over a search's ranks, a directive other than @skip and
// @include, arguments the resolvers would refuse) makes the operation NotAnswerable, and graphql-js
// answers it as always.
import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type NamedTypeNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { columnList, type Column } from '../../db/columns.js';
import { toPageRequest, type PageArguments, type PageRequest } from '../relay/page-arguments.js';
import { cursorTag, type ListSpec, type NestedList, type RowSource } from './catalogue.js';
import { countQuery, fromClause, listConditions, nestedCount, pageClauses, slugConditions, whereClause, type Statement } from './compile.js';
import { answersFromColumn, joinReadBy, listReadBy, listsReadBy, rowBySlugReadBy, topListReadBy, type TopList } from './fields.js';
import { SqlParameters } from './parameters.js';
import { chosenList, neededColumns } from './plan.js';
import { connectionRowType } from './selection.js';

/** The operation asks for something only graphql-js answers; the message says what. */
export class NotAnswerable extends Error {}

/** What compiling one operation carries along. */
interface Scope {
  schema: GraphQLSchema;
  fragments: Readonly<Record<string, FragmentDefinitionNode>>;
  /** The operation's variables, coerced. */
  variables: Readonly<Record<string, unknown>>;
  parameters: SqlParameters;
  /** Row aliases handed out so far: every row read gets its own (`r1`, `r2`...). */
  rows: number;
}

/** A row in scope: its alias, and the columns its statement reads (under their names). */
interface RowScope {
  alias: string;
  columns: readonly Column[];
}

/** Fields selected on an object type, by response key, in the order graphql-js answers them. */
type SelectedFields = Map<string, FieldNode[]>;

/** json_build_object takes at most 100 arguments. */
const MAX_KEYS = 50;

/**
 * The statement answering `operation` (a query) with one row holding its `data` as JSON text
 * (`data`), for coerced `variables`. Throws NotAnswerable for anything only graphql-js answers.
 */
export function wholeOperationStatement(
  schema: GraphQLSchema,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
): Statement {
  const root = schema.getQueryType();
  if (operation.operation !== 'query' || !root) throw new NotAnswerable(`a ${operation.operation}`);
  const scope: Scope = { schema, fragments, variables, parameters: new SqlParameters(), rows: 0 };
  const pairs = [...selectedFields(scope, root, [operation.selectionSet])].map(([key, nodes]) => `'${key}', ${rootFieldValue(scope, root, nodes)}`);
  return { sql: `SELECT ${jsonObject(pairs)}::text AS "data"`, values: scope.parameters.values };
}

function rootFieldValue(scope: Scope, root: GraphQLObjectType, nodes: FieldNode[]): string {
  const name = nodes[0]!.name.value;
  if (name === '__typename') return literal(root.name);
  const definition = fieldOf(root, name);
  const args = argumentsOf(scope, definition, nodes[0]!);
  const source = rowBySlugReadBy(definition);
  if (source) return rowBySlugValue(scope, definition, nodes, source, args);
  const topList = topListReadBy(definition);
  if (topList) return topListValue(scope, definition, nodes, attempt(() => topList(args)), args);
  const lists = listsReadBy(definition);
  if (lists) return listsValue(scope, definition, nodes, attempt(() => lists(args)));
  throw new NotAnswerable(`Query.${name} declares no read`);
}

/** The visible row with the `slug` argument, through redirects, as `rowBySlugStatement` reads it. */
function rowBySlugValue(scope: Scope, definition: GraphQLField<unknown, unknown>, nodes: FieldNode[], source: RowSource, args: Record<string, unknown>): string {
  if (typeof args.slug !== 'string') throw new NotAnswerable('no slug');
  const type = objectTypeOf(definition.type);
  const fields = selectedFields(scope, type, selectionSetsOf(nodes));
  const slug = scope.parameters.add(args.slug);
  const row = rowScope(scope, neededColumns(source.singleColumns ?? source.columns, namesOf(fields)));
  return `(SELECT ${rowObject(scope, type, fields, row)} FROM (SELECT ${columnList(row.columns)} FROM ${source.table} t WHERE ${slugConditions(source, slug)}) ${row.alias})`;
}

/** How one connection's rows are read: the list, what narrows it (its parent, a filter) and how it is counted. */
interface ListRead {
  spec: ListSpec;
  conditions: readonly string[];
  count: () => string;
  /** A top-level list, whose FROM may take the page (a search reads its matches in rank order). */
  topLevel: boolean;
}

function topListValue(scope: Scope, definition: GraphQLField<unknown, unknown>, nodes: FieldNode[], { spec, filter }: TopList, args: Record<string, unknown>): string {
  const conditions = attempt(() => filter(scope.parameters));
  const read: ListRead = { spec, conditions, count: () => `(${countQuery(spec, conditions, scope.parameters)})`, topLevel: true };
  return connectionValue(scope, definition, nodes, read, args);
}

/** An object whose fields are top-level lists by name (a search's `articles` and `quotes`). */
function listsValue(scope: Scope, definition: GraphQLField<unknown, unknown>, nodes: FieldNode[], lists: Readonly<Record<string, ListSpec>>): string {
  const type = objectTypeOf(definition.type);
  const pairs = [...selectedFields(scope, type, selectionSetsOf(nodes))].map(([key, fieldNodes]) => {
    const name = fieldNodes[0]!.name.value;
    if (name === '__typename') return `'${key}', ${literal(type.name)}`;
    const spec = Object.hasOwn(lists, name) ? lists[name]! : undefined;
    if (!spec) throw new NotAnswerable(`${type.name}.${name} is no list`);
    const field = fieldOf(type, name);
    const read: ListRead = { spec, conditions: [], count: () => `(${countQuery(spec, [], scope.parameters)})`, topLevel: true };
    return `'${key}', ${connectionValue(scope, field, fieldNodes, read, argumentsOf(scope, field, fieldNodes[0]!))}`;
  });
  return jsonObject(pairs);
}

/** A connection's value: `nodes`, `edges { node cursor }`, `totalCount` and `pageInfo`. */
function connectionValue(scope: Scope, definition: GraphQLField<unknown, unknown>, nodes: FieldNode[], read: ListRead, args: Record<string, unknown>): string {
  const connection = objectTypeOf(definition.type);
  const rowType = connectionRowType(definition.type);
  if (!rowType) throw new NotAnswerable(`${connection.name} lists no rows`);
  const request = attempt(() => toPageRequest(args as PageArguments, false));
  const pairs = [...selectedFields(scope, connection, selectionSetsOf(nodes))].map(([key, fieldNodes]) => {
    const name = fieldNodes[0]!.name.value;
    if (name === '__typename') return `'${key}', ${literal(connection.name)}`;
    if (name === 'totalCount') return `'${key}', ${read.count()}`;
    if (name === 'nodes') {
      const fields = selectedFields(scope, rowType, selectionSetsOf(fieldNodes));
      return `'${key}', ${pageArray(scope, read, request, namesOf(fields), (row) => rowObject(scope, rowType, fields, row))}`;
    }
    if (name === 'edges') {
      const edge = objectTypeOf(fieldOf(connection, 'edges').type);
      const edgeFields = [...selectedFields(scope, edge, selectionSetsOf(fieldNodes))];
      const nodeFields = edgeFields.map(([edgeKey, edgeNodes]) => {
        const edgeField = edgeNodes[0]!.name.value;
        if (edgeField === '__typename' || edgeField === 'cursor') return [edgeKey, edgeField] as const;
        if (edgeField !== 'node') throw new NotAnswerable(`${edge.name}.${edgeField}`);
        return [edgeKey, selectedFields(scope, rowType, selectionSetsOf(edgeNodes))] as const;
      });
      const names = new Set(nodeFields.flatMap(([, fields]) => (typeof fields === 'string' ? [] : [...namesOf(fields)])));
      const edgeValue = (fields: SelectedFields | '__typename' | 'cursor', row: RowScope) => {
        if (fields === '__typename') return literal(edge.name);
        if (fields === 'cursor') return cursorValue(read.spec, row);
        return rowObject(scope, rowType, fields, row);
      };
      const build = (row: RowScope) => jsonObject(nodeFields.map(([edgeKey, fields]) => `'${edgeKey}', ${edgeValue(fields, row)}`));
      return `'${key}', ${pageArray(scope, read, request, names, build)}`;
    }
    if (name === 'pageInfo') return `'${key}', ${pageInfoValue(scope, fieldOf(connection, 'pageInfo'), fieldNodes, read, request)}`;
    throw new NotAnswerable(`${connection.name}.${name}`);
  });
  return jsonObject(pairs);
}

/** The page's rows as a JSON array in the list's order, each built by `build` over the row's scope. */
function pageArray(scope: Scope, read: ListRead, request: PageRequest, names: ReadonlySet<string>, build: (row: RowScope) => string): string {
  const row = rowScope(scope, neededColumns(read.spec.columns, names, read.spec.order));
  return `array_to_json(ARRAY(SELECT ${build(row)} FROM (${pageRows(scope, read, request, row.columns)}) ${row.alias} ORDER BY ${listOrder(read.spec, row.alias)}))`;
}

/** The page's rows (`extra` more past it), in the order the page is walked: backwards for `last`. */
function pageRows(scope: Scope, read: ListRead, request: PageRequest, columns: readonly Column[], extra = 0): string {
  const { spec } = read;
  const page = attempt(() => pageClauses(spec, request, scope.parameters));
  const limit = request.size + extra;
  const from = fromClause(spec, scope.parameters, read.topLevel ? { ...page.window, limit } : undefined);
  return `SELECT ${columnList(columns)} FROM ${from} ${whereClause(listConditions(spec, ...read.conditions, ...page.conditions))}
    ORDER BY ${page.orderBy} LIMIT ${limit}`;
}

/** The list's own order over the rows aliased `alias` (a backward page is read walking backwards). */
function listOrder(spec: ListSpec, alias: string, reversed = false): string {
  const direction = (spec.direction === 'ASC') !== reversed ? 'ASC' : 'DESC';
  return spec.order.map(({ name }) => `${alias}."${name}" ${direction}`).join(', ');
}

/**
 * A page's `pageInfo`, as `toPage` answers it: whether rows follow the page the way it walks (one
 * row past it read), whether a cursor started it, and its first and last rows' cursors.
 */
function pageInfoValue(scope: Scope, definition: GraphQLField<unknown, unknown>, nodes: FieldNode[], read: ListRead, request: PageRequest): string {
  const pageInfo = objectTypeOf(definition.type);
  const columns = neededColumns(read.spec.columns, new Set(), read.spec.order);
  const more = () => `((SELECT count(*) FROM (${pageRows(scope, read, request, columns, 1)}) more) > ${request.size})`;
  const started = request.cursor !== null ? 'true' : 'false';
  const cursorAt = (reversed: boolean) => {
    const row = rowScope(scope, columns);
    return `(SELECT ${cursorValue(read.spec, row)} FROM (${pageRows(scope, read, request, columns)}) ${row.alias} ORDER BY ${listOrder(read.spec, row.alias, reversed)} LIMIT 1)`;
  };
  const pairs = [...selectedFields(scope, pageInfo, selectionSetsOf(nodes))].map(([key, infoNodes]) => {
    const name = infoNodes[0]!.name.value;
    switch (name) {
      case '__typename':
        return `'${key}', ${literal(pageInfo.name)}`;
      case 'hasNextPage':
        return `'${key}', ${request.forward ? more() : started}`;
      case 'hasPreviousPage':
        return `'${key}', ${request.forward ? started : more()}`;
      case 'startCursor':
        return `'${key}', ${cursorAt(false)}`;
      case 'endCursor':
        return `'${key}', ${cursorAt(true)}`;
      default:
        throw new NotAnswerable(`${pageInfo.name}.${name}`);
    }
  });
  return jsonObject(pairs);
}

/**
 * A row's cursor as `encodeCursor` writes it: the list's tag and the row's ordering values as
 * compact JSON, in base64url. Not for orderings by a float (search ranks): PostgreSQL and
 * JavaScript write some numbers differently.
 */
function cursorValue(spec: ListSpec, row: RowScope): string {
  const values = spec.order.map((column) => {
    const ref = columnOf(row, column.name);
    switch (column.type) {
      case 'int':
        return `coalesce(${ref}::text, 'null')`;
      case 'text':
        return `coalesce(to_json(${ref})::text, 'null')`;
      case 'timestamp':
        return `coalesce('"' || ${timestampText(ref)} || '"', 'null')`;
      default:
        throw new NotAnswerable(`a cursor over a ${column.type} column`);
    }
  });
  return base64url(`'[' || ${literal(JSON.stringify(cursorTag(spec)))} || ',' || ${values.join(` || ',' || `)} || ']'`);
}

/** A row's object: one value per selected field, under its response key. */
function rowObject(scope: Scope, type: GraphQLObjectType, fields: SelectedFields, row: RowScope): string {
  return jsonObject([...fields].map(([key, nodes]) => `'${key}', ${rowFieldValue(scope, type, nodes, row)}`));
}

function rowFieldValue(scope: Scope, type: GraphQLObjectType, nodes: FieldNode[], row: RowScope): string {
  const name = nodes[0]!.name.value;
  if (name === '__typename') return literal(type.name);
  const definition = fieldOf(type, name);
  const join = joinReadBy(definition);
  if (join) {
    const joined = objectTypeOf(definition.type);
    const fields = selectedFields(scope, joined, selectionSetsOf(nodes));
    const inner = rowScope(scope, neededColumns(join.rows.columns, namesOf(fields)));
    const key = columnOf(row, join.key);
    return `(SELECT ${rowObject(scope, joined, fields, inner)} FROM (SELECT ${columnList(inner.columns)} FROM ${join.rows.table} t WHERE t."id" = ${key}) ${inner.alias})`;
  }
  const list = listReadBy(definition);
  if (list) return nestedConnectionValue(scope, definition, nodes, list, row);
  if (definition.args.length > 0) throw new NotAnswerable(`${type.name}.${name} takes arguments`);
  if (name === 'id' && type.getInterfaces().some((implemented) => implemented.name === 'Node')) return globalId(type.name, columnOf(row, 'id'));
  if (definition.resolve && !answersFromColumn(definition)) throw new NotAnswerable(`${type.name}.${name} is computed`);
  const column = row.columns.find((candidate) => candidate.name === name);
  if (!column) throw new NotAnswerable(`${type.name}.${name} is not read with its row here`);
  return scalarValue(definition.type, column, `${row.alias}."${name}"`);
}

function nestedConnectionValue(scope: Scope, definition: GraphQLField<unknown, unknown>, nodes: FieldNode[], declared: NestedList, row: RowScope): string {
  const args = argumentsOf(scope, definition, nodes[0]!);
  const list = chosenList(declared, args);
  const parentId = columnOf(row, 'id');
  const read: ListRead = {
    spec: list.spec,
    conditions: [`${list.parentColumn} = ${parentId}`],
    count: () => nestedCount(list, parentId, scope.parameters),
    topLevel: false,
  };
  return connectionValue(scope, definition, nodes, read, args);
}

/**
 * A column's value as GraphQL serialises it: text, integers and booleans as they are, enums whose
 * values are their names, lists of text, and DateTimeISO as `toISOString` writes it (the columns are
 * timestamps in UTC, without a zone). Floats are not: PostgreSQL and JavaScript write some differently.
 */
function scalarValue(type: GraphQLOutputType, column: Column, ref: string): string {
  const nullable = isNonNullType(type) ? type.ofType : type;
  if (isListType(nullable)) {
    const item = getNamedType(nullable);
    if (item.name === 'String' && column.type === 'text[]') return `to_json(${ref})`;
    throw new NotAnswerable(`a list of ${item.name}`);
  }
  const named = getNamedType(nullable);
  if (isEnumType(named)) {
    if (column.type === 'text' && named.getValues().every((value) => value.value === value.name)) return `${ref}::text`;
    throw new NotAnswerable(`enum ${named.name}`);
  }
  switch (`${named.name}:${column.type}`) {
    case 'String:text':
    case 'ID:text':
    case 'Int:int':
    case 'Boolean:boolean':
      return ref;
    case 'DateTimeISO:timestamp':
      return timestampText(ref);
    default:
      throw new NotAnswerable(`a ${named.name} from a ${column.type} column`);
  }
}

/** A timestamp (UTC, without a zone) as `Date.toISOString` writes it. */
function timestampText(ref: string): string {
  return `to_char(${ref}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** The global id (`toGlobalId`): "Type:id" in base64url. */
function globalId(typeName: string, id: string): string {
  return base64url(`${literal(`${typeName}:`)} || ${id}`);
}

/** Text in base64url without padding, as Buffer's `base64url` writes it (PostgreSQL's base64 breaks lines). */
function base64url(text: string): string {
  return `translate(rtrim(encode(convert_to(${text}, 'UTF8'), 'base64'), '='), E'+/\\n', '-_')`;
}

/**
 * The fields selected on `type` in `selectionSets`, through fragments that apply to it, @skip and
 * @include evaluated. Each named fragment is spread once (as graphql-js's collectFields does): a
 * document spreading fragments within fragments many times over would otherwise be walked an
 * exponential number of times.
 */
function selectedFields(
  scope: Scope,
  type: GraphQLObjectType,
  selectionSets: readonly SelectionSetNode[],
  into: SelectedFields = new Map(),
  spread = new Set<string>(),
): SelectedFields {
  for (const selectionSet of selectionSets) {
    for (const selection of selectionSet.selections) {
      if (!included(scope, selection)) continue;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const nodes = into.get(key);
        if (nodes) nodes.push(selection);
        else into.set(key, [selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies(scope, selection.typeCondition, type)) selectedFields(scope, type, [selection.selectionSet], into, spread);
      } else {
        const name = selection.name.value;
        if (spread.has(name)) continue;
        spread.add(name);
        const fragment = scope.fragments[name];
        if (!fragment) throw new NotAnswerable(`no fragment ${name}`);
        if (applies(scope, fragment.typeCondition, type)) selectedFields(scope, type, [fragment.selectionSet], into, spread);
      }
    }
  }
  return into;
}

function included(scope: Scope, node: { directives?: readonly { name: { value: string } }[] } & Parameters<typeof getDirectiveValues>[1]): boolean {
  if (!node.directives?.length) return true;
  for (const directive of node.directives) {
    if (directive.name.value !== 'skip' && directive.name.value !== 'include') throw new NotAnswerable(`@${directive.name.value}`);
  }
  if (getDirectiveValues(GraphQLSkipDirective, node, scope.variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, scope.variables)?.if !== false;
}

function applies(scope: Scope, condition: NamedTypeNode | undefined, type: GraphQLObjectType): boolean {
  if (!condition) return true;
  const conditionType = scope.schema.getType(condition.name.value);
  if (conditionType === type) return true;
  return conditionType !== undefined && isAbstractType(conditionType) && scope.schema.isSubType(conditionType, type);
}

function selectionSetsOf(nodes: readonly FieldNode[]): SelectionSetNode[] {
  return nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
}

/** The field names (not response keys) selected: what a row must hold to answer them. */
function namesOf(fields: SelectedFields): Set<string> {
  return new Set([...fields.values()].map((nodes) => nodes[0]!.name.value));
}

function rowScope(scope: Scope, columns: readonly Column[]): RowScope {
  scope.rows += 1;
  return { alias: `r${scope.rows}`, columns };
}

/** A column of the row in scope, by name; one that is not read is a declaration this path does not follow. */
function columnOf(row: RowScope, name: string): string {
  if (!row.columns.some((column) => column.name === name)) throw new NotAnswerable(`no ${name} column`);
  return `${row.alias}."${name}"`;
}

function fieldOf(type: GraphQLObjectType, name: string): GraphQLField<unknown, unknown> {
  const field = type.getFields()[name];
  if (!field) throw new NotAnswerable(`no field ${type.name}.${name}`);
  return field;
}

function objectTypeOf(type: GraphQLOutputType): GraphQLObjectType {
  const named = getNamedType(type);
  if (!isObjectType(named)) throw new NotAnswerable(`${named.name} is not an object type`);
  return named;
}

function argumentsOf(scope: Scope, definition: GraphQLField<unknown, unknown>, node: FieldNode): Record<string, unknown> {
  return attempt(() => getArgumentValues(definition, node, scope.variables));
}

/** Runs a step that refuses what graphql-js would answer with an error: that answer is graphql-js's to give. */
function attempt<T>(step: () => T): T {
  try {
    return step();
  } catch (error) {
    throw new NotAnswerable(`refused: ${(error as Error).message}`);
  }
}

function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'::text`;
}

function jsonObject(pairs: readonly string[]): string {
  if (pairs.length > MAX_KEYS) throw new NotAnswerable(`more than ${MAX_KEYS} fields on one object`);
  return `json_build_object(${pairs.join(', ')})`;
}
