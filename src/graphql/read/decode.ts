// Reads rows back as the statements of compile.ts return them: pages with their cursors, to-one
// rows read along (from their `"article.source.name"` columns, onto their parent under their
// field's name) and nested pages (from their JSON columns, kept with their row), where answer.ts finds them.
import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import type { Column } from '../../db/columns.js';
import type { Page } from '../relay/connection.type.js';
import { encodeCursor, type CursorValue } from '../relay/cursor.js';
import type { PageRequest } from '../relay/page-arguments.js';
import { cursorTag, type ListSpec, type NestedList, type Row } from './catalogue.js';
import { joinedColumns, joinedPath, pageColumn, type PlannedJoin, type PlannedPage, type ReadAlong } from './plan.js';

function cursorOf(spec: ListSpec, row: Row): string {
  return encodeCursor(
    cursorTag(spec),
    spec.order.map(({ name }) => {
      const value = row[name];
      return value instanceof Date ? value.toISOString() : (value as CursorValue);
    }),
  );
}

/**
 * A page of `spec` from the rows fetched for `request`: one more than the page when more follow and
 * the request looked ahead; without looking ahead, nothing reads whether more follow.
 */
export function toPage<T extends Row>(spec: ListSpec, request: PageRequest, fetched: T[]): Page<T> {
  const hasMore = request.lookAhead && fetched.length > request.size;
  const rows = hasMore ? fetched.slice(0, request.size) : fetched;
  if (!request.forward) rows.reverse();
  return {
    rows,
    cursorOf: (row) => cursorOf(spec, row),
    hasNextPage: request.forward ? hasMore : request.cursor !== null,
    hasPreviousPage: request.forward ? request.cursor !== null : hasMore,
  };
}

/** A page a parent row's statement read along, with the field nodes it was planned from. */
export class PageReadAlong {
  constructor(
    readonly fieldNodes: readonly FieldNode[],
    readonly page: Page<Row>,
    /** The list read (the field's own, or the one its arguments chose). */
    readonly list: NestedList,
  ) {}
}

/**
 * The to-one row of `field` that the parent row's statement read along with it, if it did: it sits
 * on the parent under the field's own name, as the parent's GraphQL object has it (a field is a
 * column or a joined row, never both).
 */
export function joinedRowOf(parent: Row, field: string): Row | undefined {
  return parent[field] as Row | undefined;
}

/**
 * The nested pages read along with a row, by the response key of the field each answers, under a
 * symbol of this module's: no column can clash with it, nothing that lists a row's keys or serialises
 * it sees it, and a Map takes any response key (an alias may be `__proto__`).
 */
const PAGES = Symbol('pages read along');

type WithPages = Row & { [PAGES]?: Map<string, PageReadAlong> };

/**
 * The page the connection field being resolved asks for, when its parent's statement read it along:
 * planned from this very field (the same nodes, so the same arguments and selection).
 */
export function pageReadAlongOf(parent: Row, info: GraphQLResolveInfo): PageReadAlong | undefined {
  return plannedFrom(info, (parent as WithPages)[PAGES]?.get(String(info.path.key)));
}

/** `read` when it was planned from the very field being resolved (the same nodes: the same arguments and selection). */
function plannedFrom<T extends { fieldNodes: readonly FieldNode[] }>(info: GraphQLResolveInfo, read: T | undefined): T | undefined {
  if (!read) return undefined;
  const { fieldNodes } = read;
  if (fieldNodes.length !== info.fieldNodes.length || fieldNodes.some((node, index) => node !== info.fieldNodes[index])) return undefined;
  return read;
}

/** A page of a top-level list read ahead by its parent field (a search's articles), with the field nodes it was planned from. */
export interface PageReadAhead {
  fieldNodes: readonly FieldNode[];
  page: Page<Row>;
}

/** The page read ahead for the field being resolved, among `pages` (by response key), if one was planned from it. */
export function pageReadAheadOf(pages: ReadonlyMap<string, PageReadAhead> | undefined, info: GraphQLResolveInfo): PageReadAhead | undefined {
  return plannedFrom(info, pages?.get(String(info.path.key)));
}

/** The page of a top-level list that a statement read as JSON (`{"rows": [...]}`), with what its rows read along. */
export function pageFromJson(spec: ListSpec, request: PageRequest, along: ReadAlong, value: { rows: Row[] }): Page<Row> {
  restoreTimestamps(value.rows, timestampColumnsOf(spec, along.joins));
  takeReadAlong(value.rows, along);
  return toPage(spec, request, value.rows);
}

function timestampNames(columns: readonly Column[], prefix = ''): string[] {
  return columns.filter((column) => column.type === 'timestamp').map((column) => `${prefix}${column.name}`);
}

/** The joined columns holding timestamps, as read back (`"article.date"`). */
function joinedTimestampColumns(joins: PlannedJoin[], parentPath = ''): string[] {
  return joins.flatMap((join) => {
    const path = joinedPath(parentPath, join);
    return [...timestampNames(join.rows.columns, `${path}.`), ...joinedTimestampColumns(join.joins, path)];
  });
}

/** The columns holding timestamps in rows of `spec` read with `joins`, as read back. */
function timestampColumnsOf(spec: ListSpec, joins: PlannedJoin[]): string[] {
  return [...timestampNames(spec.columns), ...joinedTimestampColumns(joins)];
}

/** Restores the timestamps of rows read as JSON, where they come back as text (UTC, without a zone). */
function restoreTimestamps(rows: Row[], columns: readonly string[]): void {
  if (columns.length === 0) return;
  for (const row of rows) {
    for (const column of columns) {
      const value = row[column];
      if (typeof value === 'string') row[column] = new Date(`${value}Z`);
    }
  }
}

interface JoinReader {
  field: string;
  idColumn: string;
  columns: { name: string; column: string }[];
  joins: JoinReader[];
}

function joinReaders(joins: PlannedJoin[], parentPath: string): JoinReader[] {
  return joins.map((join) => {
    const path = joinedPath(parentPath, join);
    return {
      field: join.field,
      idColumn: `${path}.id`,
      columns: joinedColumns(join).map(({ name }) => ({ name, column: `${path}.${name}` })),
      joins: joinReaders(join.joins, path),
    };
  });
}

/**
 * Reads the joined columns of `rows` into rows of their own, each left on the row it belongs to
 * under its field's name (`joinedRowOf`); a join that found nothing yields nothing. The joined columns stay on the listed
 * rows (nothing reads them there), as deleting keys would slow every later read of those objects.
 */
function takeJoinedRows(rows: Row[], joins: PlannedJoin[]): void {
  if (joins.length === 0) return;
  const take = (row: Row, parent: Row, readers: JoinReader[]) => {
    for (const reader of readers) {
      if (row[reader.idColumn] == null) continue;
      const joined: Row = {};
      for (const { name, column } of reader.columns) joined[name] = row[column];
      parent[reader.field] = joined;
      take(row, joined, reader.joins);
    }
  };
  const readers = joinReaders(joins, '');
  for (const row of rows) take(row, row, readers);
}

/** Reads the pages planned under `rows` out of their JSON columns, with what they read along, and keeps them with their rows. */
function takePages(rows: Row[], pages: PlannedPage[]): void {
  for (const planned of pages) {
    const { spec } = planned.list;
    const column = pageColumn(planned.responseKey);
    const all: Row[] = [];
    for (const row of rows) {
      const value = row[column] as { rows: Row[] } | null;
      if (value) for (const nested of value.rows) all.push(nested);
    }
    restoreTimestamps(all, timestampColumnsOf(spec, planned.joins));
    takeReadAlong(all, planned);
    for (const row of rows) {
      const value = row[column] as { rows: Row[]; totalCount?: number } | null;
      if (!value) continue;
      const page = { ...toPage(spec, planned.request, value.rows), totalCount: value.totalCount };
      ((row as WithPages)[PAGES] ??= new Map()).set(planned.responseKey, new PageReadAlong(planned.fieldNodes, page, planned.list));
    }
  }
}

/** Reads back what a statement read along with its rows: joined rows and nested pages. */
export function takeReadAlong(rows: Row[], along: ReadAlong): void {
  takeJoinedRows(rows, along.joins);
  takePages(rows, along.pages);
}
