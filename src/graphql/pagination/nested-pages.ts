// To-many pages read in the same statement as their parent rows: the front page's 20 articles each
// with its first 5 quotes, or an article with its quotes, people and topics, in one statement
// instead of one more per list. This module plans them from the query's selection; keyset.ts writes
// each planned page as a JSON column of the parent's statement and leaves the page it reads on the
// parent row, where the connection's resolver finds it (`pageReadAlong`). A connection field takes
// part by declaring the list it reads (@ReadsList).
import {
  getArgumentValues,
  getNamedType,
  isObjectType,
  type FieldNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
} from 'graphql';
import { Extensions } from 'type-graphql';
import type { NestedList } from '../loaders.js';
import type { Page } from './keyset.js';
import { joinsKey, joinsSelectedOn, type JoinedRow } from './joined-rows.js';
import { pageRequestKey, toPageRequest, type PageArguments, type PageRequest } from './page-arguments.js';
import { fieldsKey } from './columns.js';
import { fieldNames, responseKey, rowFieldsOfConnection, selectsTotalCount } from './selection.js';

/** One page of a nested list, as a query selects it: what to read, and what to read along with its rows. */
export interface PlannedPage {
  list: NestedList;
  request: PageRequest;
  /** The fields selected on the page's rows, so that it reads only their columns (columns.ts). */
  fields?: ReadonlySet<string>;
  /** To-one rows read along with the page's rows. */
  joins: JoinedRow[];
  withCount: boolean;
  /** Pages nested under the page's rows, read in the same statement. */
  pages: PlannedPage[];
  /** The column of the parent's statement holding this page, and the parent row's key for it. */
  column: string;
  /** The connection field's nodes the page was planned from. */
  fieldNodes: readonly FieldNode[];
  /** What is read, so that fields asking for the same page the same way share one loader. */
  key: string;
}

type Row = Record<string, unknown>;

/** A page left on its parent row by the parent's statement, with the field nodes it answers. */
export class PageReadAlong {
  constructor(
    readonly fieldNodes: readonly FieldNode[],
    readonly page: Page<Row>,
    /** The list read (the field's own, or the one its arguments chose). */
    readonly list: NestedList,
  ) {}
}

/** The parent row's key for the page of the field answered under `responseKey` (never a column's own name). */
export function pageColumn(responseKey: string): string {
  return `@page:${responseKey}`;
}

/**
 * The page the connection field being resolved asks for, when its parent's statement read it along:
 * planned from this very field (the same nodes, so the same arguments and selection).
 */
export function pageReadAlong(parent: Row, info: GraphQLResolveInfo): PageReadAlong | undefined {
  const along = parent[pageColumn(String(info.path.key))];
  if (!(along instanceof PageReadAlong)) return undefined;
  const { fieldNodes } = along;
  if (fieldNodes.length !== info.fieldNodes.length || fieldNodes.some((node, index) => node !== info.fieldNodes[index])) return undefined;
  return along;
}

const READS_LIST = 'readsList';

/** Declares the nested list a connection field reads, so that its parent's statement can read its page along. */
export function ReadsList(list: NestedList) {
  return Extensions({ [READS_LIST]: list });
}

/** The nested list a connection field declared it reads, if any. */
export function listReadBy(field: GraphQLField<any, any> | undefined): NestedList | undefined {
  return field?.extensions[READS_LIST] as NestedList | undefined;
}

/** The type of a connection's rows (`Quote` for `QuoteConnection`). */
export function connectionRowType(type: GraphQLOutputType): GraphQLObjectType | undefined {
  const connection = getNamedType(type);
  const nodes = isObjectType(connection) ? connection.getFields().nodes : undefined;
  const row = nodes && getNamedType(nodes.type);
  return row && isObjectType(row) ? row : undefined;
}

/** The selection of a connection field, as far as planning its page needs it. */
export interface ConnectionSelection {
  /** The connection field's nodes (one, or several merged under one response key). */
  fieldNodes: readonly FieldNode[];
  rowType: GraphQLObjectType | undefined;
  info: GraphQLResolveInfo;
}

/** Plans one page of `list`: the joins, the count and the nested pages `selection` asks for. */
export function planPage(list: NestedList, request: PageRequest, selection?: ConnectionSelection, column = ''): PlannedPage {
  const fieldNodes = selection?.fieldNodes ?? [];
  let fields: ReadonlySet<string> | undefined;
  let joins: JoinedRow[] = [];
  let withCount = false;
  let pages: PlannedPage[] = [];
  if (selection) {
    const { rowType, info } = selection;
    const rowFields = rowFieldsOfConnection(fieldNodes, info);
    fields = fieldNames(rowFields);
    joins = joinsSelectedOn(list.spec.joins, rowFields, info);
    withCount = selectsTotalCount(fieldNodes, info);
    pages = rowType ? pagesSelectedOn(rowType, rowFields, info) : [];
  }
  const nested = pages.map((page) => `${page.column}=(${page.key})`).join(',');
  const key = `${list.name}:${pageRequestKey(request)}:${fieldsKey(fields)}:${joinsKey(joins)}:${withCount}:${nested}`;
  return { list, request, fields, joins, withCount, pages, column, fieldNodes, key };
}

/**
 * The nested pages selected among `rowFields` (the fields selected on rows of `rowType`), one per
 * response key. A field whose arguments are invalid is left out: its resolver reports the error.
 */
export function pagesSelectedOn(rowType: GraphQLObjectType, rowFields: readonly FieldNode[], info: GraphQLResolveInfo): PlannedPage[] {
  const byResponseKey = new Map<string, FieldNode[]>();
  for (const field of rowFields) {
    const key = responseKey(field);
    byResponseKey.set(key, [...(byResponseKey.get(key) ?? []), field]);
  }
  const pages: PlannedPage[] = [];
  for (const [key, fieldNodes] of byResponseKey) {
    const definition = rowType.getFields()[fieldNodes[0]!.name.value];
    const list = listReadBy(definition);
    if (!definition || !list) continue;
    let request: PageRequest;
    let args: Record<string, unknown>;
    try {
      args = getArgumentValues(definition, fieldNodes[0]!, info.variableValues);
      request = toPageRequest(args as PageArguments);
    } catch {
      continue;
    }
    const chosen = list.forArguments?.(args) ?? list;
    pages.push(planPage(chosen, request, { fieldNodes, rowType: connectionRowType(definition.type), info }, pageColumn(key)));
  }
  return pages;
}
