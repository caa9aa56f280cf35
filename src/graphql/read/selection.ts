// Reading a query's selection ahead of its resolvers: which fields sit under a field being resolved,
// so that one statement can read what its children will ask for (plan.ts).
// Directives are not evaluated: a field under @skip is read along anyway, which costs a few columns
// and changes no answer.
import {
  getNamedType,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';

/**
 * Fields selected directly in `selectionSet`, through fragments. Each named fragment is spread once,
 * as graphql-js does: fragments that spread the next one twice, thirty deep, made 2^30 walks and
 * killed the process with one request.
 */
export function selectedFields(selectionSet: SelectionSetNode | undefined, info: GraphQLResolveInfo, into: FieldNode[] = [], spread = new Set<string>()): FieldNode[] {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) into.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) selectedFields(selection.selectionSet, info, into, spread);
    else if (!spread.has(selection.name.value)) {
      spread.add(selection.name.value);
      selectedFields(info.fragments[selection.name.value]?.selectionSet, info, into, spread);
    }
  }
  return into;
}

/** The fields selected under the field being resolved (under each of its nodes, through fragments). */
export function fieldsUnder(info: GraphQLResolveInfo): FieldNode[] {
  return info.fieldNodes.flatMap((field) => selectedFields(field.selectionSet, info));
}

/** The fields selected under every field of `fields` named `name`. */
export function childFields(fields: FieldNode[], name: string, info: GraphQLResolveInfo): FieldNode[] {
  return fields.filter((field) => field.name.value === name).flatMap((field) => selectedFields(field.selectionSet, info));
}

/** The fields selected on the rows of a connection: under its `nodes` and its `edges.node`. */
export function rowFieldsOfConnection(connectionNodes: readonly FieldNode[], info: GraphQLResolveInfo): FieldNode[] {
  const connectionFields = connectionNodes.flatMap((field) => selectedFields(field.selectionSet, info));
  return [...childFields(connectionFields, 'nodes', info), ...childFields(childFields(connectionFields, 'edges', info), 'node', info)];
}

/** Whether a field named `name` is selected directly under a connection (through fragments). */
function selectsOnConnection(connectionNodes: readonly FieldNode[], name: string, info: GraphQLResolveInfo): boolean {
  return connectionNodes.some((field) => selectedFields(field.selectionSet, info).some((child) => child.name.value === name));
}

/** Whether a connection's `totalCount` is selected. */
export function selectsTotalCount(connectionNodes: readonly FieldNode[], info: GraphQLResolveInfo): boolean {
  return selectsOnConnection(connectionNodes, 'totalCount', info);
}

/** Whether a connection's `pageInfo` is selected: only it tells whether more rows follow the page. */
export function selectsPageInfo(connectionNodes: readonly FieldNode[], info: GraphQLResolveInfo): boolean {
  return selectsOnConnection(connectionNodes, 'pageInfo', info);
}

/** The name a field's value is answered under: its alias, or its name. */
export function responseKey(field: FieldNode): string {
  return field.alias?.value ?? field.name.value;
}

/** The names of `fields` (not their aliases): what a row must hold to answer them. */
export function fieldNames(fields: readonly FieldNode[]): Set<string> {
  return new Set(fields.map((field) => field.name.value));
}

/** The type of a connection's rows (`Quote` for `QuoteConnection`). */
export function connectionRowType(type: GraphQLOutputType): GraphQLObjectType | undefined {
  const connection = getNamedType(type);
  const nodes = isObjectType(connection) ? connection.getFields().nodes : undefined;
  const row = nodes && getNamedType(nodes.type);
  return row && isObjectType(row) ? row : undefined;
}
