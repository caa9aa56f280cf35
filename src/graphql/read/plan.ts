// Plans what one statement reads, from the query's selection under the field being resolved: the
// columns its rows need, the to-one rows it reads along (a quote's article and that article's
// source, as LEFT JOINs) and the nested pages (each article's first 5 quotes, as JSON columns), to
// any depth. A field takes part by declaring what it reads (fields.ts); compile.ts writes the plan
// as SQL, decode.ts reads the rows back.
import { getArgumentValues, getNamedType, isObjectType, type FieldNode, type GraphQLField, type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import { pageRequestKey, toPageRequest, type PageArguments, type PageRequest } from '../relay/page-arguments.js';
import type { Column, JoinedRow, NestedList } from './catalogue.js';
import { joinReadBy, listReadBy } from './fields.js';
import { childFields, connectionRowType, fieldNames, fieldsUnder, responseKey, rowFieldsOfConnection, selectsPageInfo, selectsTotalCount } from './selection.js';

/** A to-one row read along with its parent rows, as a query selects it. */
export interface PlannedJoin extends JoinedRow {
  /** The parent's field that returns the row ('article'). */
  field: string;
  /** The fields selected on the row, so that only their columns are read. */
  fields: ReadonlySet<string>;
  /** To-one rows of this row read along with it (an article's source). */
  joins: PlannedJoin[];
}

/** One page of a nested list, as a query selects it: what to read, and what to read along with its rows. */
export interface PlannedPage extends ReadAlong {
  list: NestedList;
  request: PageRequest;
  withCount: boolean;
  /** The response key of the field the page answers (several fields of one name may ask for different pages). */
  responseKey: string;
  /** The connection field's nodes the page was planned from, which the page answers (decode.ts). */
  fieldNodes: readonly FieldNode[];
  /** What is read, so that fields asking for the same page the same way share one loader. */
  key: string;
}

/** What one statement reads along with its own rows. */
export interface ReadAlong {
  /** The fields selected on the statement's own rows, so that it reads only their columns; all when undefined. */
  fields?: ReadonlySet<string>;
  joins: PlannedJoin[];
  pages: PlannedPage[];
}

export const NOTHING_ALONG: ReadAlong = { joins: [], pages: [] };

/**
 * The columns some reader of the rows needs: those named like a selected field, those read always
 * (the id, the keys relations follow) and `alsoRead` (the ordering, for cursors). With no selection
 * known (`fields` undefined), all of them.
 */
export function neededColumns(columns: readonly Column[], fields: ReadonlySet<string> | undefined, alsoRead: readonly Column[] = []): readonly Column[] {
  if (!fields) return columns;
  return columns.filter((column) => fields.has(column.name) || column.alwaysRead || alsoRead.includes(column));
}

/** The path a joined row's columns are read back under (`article.source`). */
export function joinedPath(parentPath: string, join: PlannedJoin): string {
  return parentPath ? `${parentPath}.${join.field}` : join.field;
}

/** The columns of a joined row that its selection reads. */
export function joinedColumns(join: PlannedJoin): readonly Column[] {
  return neededColumns(join.rows.columns, join.fields);
}

/**
 * The column of the parent rows' statement holding, as JSON, the nested page of the field answered
 * under `responseKey`. A response key is a GraphQL name, so the `@` keeps it apart from every column
 * of the row's own.
 */
export function pageColumn(responseKey: string): string {
  return `@page:${responseKey}`;
}

/** A stable name for a selection of fields, for loader keys. */
function fieldsKey(fields: ReadonlySet<string> | undefined): string {
  return fields ? [...fields].sort().join(' ') : '*';
}

/** A stable name for a set of joins, so that requests joining differently do not share a loader. */
function joinsKey(joins: PlannedJoin[]): string {
  return joins.map((join) => `${join.field}[${fieldsKey(join.fields)}](${joinsKey(join.joins)})`).join(',');
}

/** The fields of each row type that declare a joined row, in the type's order (found once per type). */
const joinFieldsOf = new WeakMap<GraphQLObjectType, { name: string; join: JoinedRow; type: GraphQLObjectType | undefined }[]>();

function joinFields(rowType: GraphQLObjectType) {
  let found = joinFieldsOf.get(rowType);
  if (!found) {
    found = Object.values(rowType.getFields()).flatMap((definition) => {
      const join = joinReadBy(definition);
      const joinedType = getNamedType(definition.type);
      return join ? [{ name: definition.name, join, type: isObjectType(joinedType) ? joinedType : undefined }] : [];
    });
    joinFieldsOf.set(rowType, found);
  }
  return found;
}

/** The joined rows selected among `rowFields` (the fields selected on rows of `rowType`): fields declaring a JoinedRow. */
function joinsSelectedOn(rowType: GraphQLObjectType | undefined, rowFields: FieldNode[], info: GraphQLResolveInfo): PlannedJoin[] {
  if (!rowType) return [];
  const joins: PlannedJoin[] = [];
  for (const { name, join, type } of joinFields(rowType)) {
    if (!rowFields.some((field) => field.name.value === name)) continue;
    const fields = childFields(rowFields, name, info);
    joins.push({ rows: join.rows, key: join.key, field: name, fields: fieldNames(fields), joins: joinsSelectedOn(type, fields, info) });
  }
  return joins;
}

/** A connection field selected on a row, with its valid page arguments. */
export interface SelectedConnection {
  responseKey: string;
  /** The field's nodes under this response key (one, or several merged). */
  fieldNodes: FieldNode[];
  definition: GraphQLField<unknown, unknown>;
  args: Record<string, unknown>;
  request: PageRequest;
}

/**
 * The connection fields selected among `rowFields` (the fields selected on rows of `rowType`) that
 * `wanted` accepts, one per response key. A field whose arguments are invalid is left out: its
 * resolver reports the error.
 */
export function connectionsSelectedOn(
  rowType: GraphQLObjectType,
  rowFields: readonly FieldNode[],
  info: GraphQLResolveInfo,
  wanted: (definition: GraphQLField<unknown, unknown>) => boolean,
): SelectedConnection[] {
  const byResponseKey = new Map<string, FieldNode[]>();
  for (const field of rowFields) {
    const key = responseKey(field);
    byResponseKey.set(key, [...(byResponseKey.get(key) ?? []), field]);
  }
  const selected: SelectedConnection[] = [];
  for (const [key, fieldNodes] of byResponseKey) {
    const definition = rowType.getFields()[fieldNodes[0]!.name.value];
    if (!definition || !wanted(definition)) continue;
    try {
      const args = getArgumentValues(definition, fieldNodes[0]!, info.variableValues);
      const request = toPageRequest(args as PageArguments, selectsPageInfo(fieldNodes, info));
      selected.push({ responseKey: key, fieldNodes, definition, args, request });
    } catch {
      continue;
    }
  }
  return selected;
}

/** The nested pages selected among `rowFields` (the fields selected on rows of `rowType`), one per response key. */
function pagesSelectedOn(rowType: GraphQLObjectType | undefined, rowFields: readonly FieldNode[], info: GraphQLResolveInfo): PlannedPage[] {
  if (!rowType) return [];
  return connectionsSelectedOn(rowType, rowFields, info, (definition) => listReadBy(definition) !== undefined).map(({ responseKey, fieldNodes, definition, args, request }) =>
    planPage(chosenList(listReadBy(definition)!, args), request, { fieldNodes, rowType: connectionRowType(definition.type), info }, responseKey),
  );
}

/** The list a field reads for its arguments: its own, or the one they choose (`forArguments`). */
export function chosenList(list: NestedList, args: Record<string, unknown>): NestedList {
  return list.forArguments?.(args) ?? list;
}

/** What the statement of the rows under `rowFields` (of `rowType`) reads along with them. */
function readAlong(rowType: GraphQLObjectType | undefined, rowFields: FieldNode[], info: GraphQLResolveInfo): ReadAlong {
  return { fields: fieldNames(rowFields), joins: joinsSelectedOn(rowType, rowFields, info), pages: pagesSelectedOn(rowType, rowFields, info) };
}

/** The selection of a connection field, as far as planning its page needs it. */
export interface ConnectionSelection {
  /** The connection field's nodes (one, or several merged under one response key). */
  fieldNodes: readonly FieldNode[];
  rowType: GraphQLObjectType | undefined;
  info: GraphQLResolveInfo;
}

/** Plans one page of `list`: the columns, joins, count and nested pages `selection` asks for. */
export function planPage(list: NestedList, request: PageRequest, selection?: ConnectionSelection, key = ''): PlannedPage {
  const fieldNodes = selection?.fieldNodes ?? [];
  let along = NOTHING_ALONG;
  let withCount = false;
  if (selection) {
    along = readAlong(selection.rowType, rowFieldsOfConnection(fieldNodes, selection.info), selection.info);
    withCount = selectsTotalCount(fieldNodes, selection.info);
  }
  const nested = along.pages.map((page) => `${pageColumn(page.responseKey)}=(${page.key})`).join(',');
  const loaderKey = `${list.name}:${pageRequestKey(request)}:${fieldsKey(along.fields)}:${joinsKey(along.joins)}:${withCount}:${nested}`;
  // Written out, not spread: spreading `along` here showed in the server's profile.
  return { fields: along.fields, joins: along.joins, pages: along.pages, list, request, withCount, responseKey: key, fieldNodes, key: loaderKey };
}

/** What a connection field selects on its rows that its list's statement can read along. */
export function readAlongConnection({ fieldNodes, rowType, info }: ConnectionSelection): ReadAlong {
  return readAlong(rowType, rowFieldsOfConnection(fieldNodes, info), info);
}

/** What the connection field being resolved selects on its rows that its list's statement can read along. */
export function readAlongList(info: GraphQLResolveInfo | undefined): ReadAlong {
  if (!info) return NOTHING_ALONG;
  return readAlongConnection({ fieldNodes: info.fieldNodes, rowType: connectionRowType(info.returnType), info });
}

/** What the query selects on the row being resolved that the row's statement can read along. */
export function readAlongRow(info: GraphQLResolveInfo): ReadAlong {
  const rowType = getNamedType(info.returnType);
  return readAlong(isObjectType(rowType) ? rowType : undefined, fieldsUnder(info), info);
}
