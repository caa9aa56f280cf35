// Keyset pagination in SQL, for one list or for the same list under many parents at once.
// A nested list (every speaker's first 20 quotes) is one statement: the parents' ids are unnested
// and each takes its page through a LATERAL subquery that walks an index, so the number of
// statements grows with the depth of a query, never with the number of rows. Where the query's
// selection is known ahead (nested-pages.ts), nested pages go further and are read as JSON columns
// of their parent rows' own statement.
import type { SqlReader } from '../../db/sql.js';
import { columnList, neededColumns } from './columns.js';
import { decodeCursor, encodeCursor, listTag, type CursorColumnType, type CursorValue } from './cursor.js';
import { joinClauses, joinedTimestampColumns, takeJoinedRows, type JoinedRow } from './joined-rows.js';
import { PageReadAlong, type PlannedPage } from './nested-pages.js';
import type { PageRequest } from './page-arguments.js';
import { NOTHING_ALONG, type ReadAlong } from './read-along.js';

/** Collects positional parameters ($1, $2...) while a statement is being written. */
export class SqlParameters {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** One ordering column: the SQL expression, the row field it is read back from, and its SQL type. */
export interface OrderColumn {
  expression: string;
  field: string;
  type: CursorColumnType;
}

/**
 * How to list rows of one kind. `from` names the listed table as `t` (joins allowed); `columns`
 * are the selected columns. The ordering ends with a unique column so that it is total.
 */
export interface ListSpec {
  from: string | ((parameters: SqlParameters) => string);
  columns: string;
  order: OrderColumn[];
  direction: 'ASC' | 'DESC';
  /** To-one rows the list can read in its own statement when the query selects them. */
  joins?: JoinedRow[];
  /** Columns holding timestamps, which a page read as JSON gets back as text. */
  timestamps?: readonly string[];
  /**
   * What every read of the list leaves out, as a condition on `t` (retracted quotes, unpublished
   * articles): written into the list's own statement, so it costs no statement of its own.
   */
  where?: string;
}

/** Extra conditions on a list, written against `t` with parameters from `parameters`. */
export type Filter = (parameters: SqlParameters) => string[];

export interface Page<Row> {
  rows: Row[];
  /** The cursor of one of the page's rows, written only when a query asks for it. */
  cursorOf(row: Row): string;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  /** How many rows the whole list holds, when it was counted in the page's statement. */
  totalCount?: number;
}

const cursorTags = new WeakMap<ListSpec, string>();

/** The tag of `spec`'s cursors, from its table (the first name in its FROM) and ordering. */
function cursorTag(spec: ListSpec): string {
  let tag = cursorTags.get(spec);
  if (tag === undefined) {
    const from = fromClause(spec, new SqlParameters());
    tag = listTag(/(?:^|FROM\s+)"(\w+)"/.exec(from)?.[1] ?? from, spec.order, spec.direction);
    cursorTags.set(spec, tag);
  }
  return tag;
}

function cursorOf(spec: ListSpec, row: Record<string, unknown>): string {
  return encodeCursor(
    cursorTag(spec),
    spec.order.map(({ field }) => {
      const value = row[field];
      return value instanceof Date ? value.toISOString() : (value as CursorValue);
    }),
  );
}

/** The columns of `spec` that the selection `fields` reads, and those the ordering needs for cursors. */
function selectedColumns(spec: ListSpec, fields: ReadonlySet<string> | undefined): string {
  return columnList(neededColumns(spec.columns, fields, spec.order.map(({ field }) => field)));
}

/** The ORDER BY, the cursor condition and the LIMIT for one page request. */
function pageClauses(spec: ListSpec, request: PageRequest, parameters: SqlParameters) {
  // Walking backwards reads the list in reverse, then the page is turned round.
  const ascending = (spec.direction === 'ASC') === request.forward;
  const orderBy = spec.order.map(({ expression }) => `${expression} ${ascending ? 'ASC' : 'DESC'}`).join(', ');
  const conditions: string[] = [];
  if (request.cursor !== null) {
    const values = decodeCursor(request.cursor, cursorTag(spec), spec.order.map(({ type }) => type));
    const columns = spec.order.map(({ expression }) => expression).join(', ');
    const placeholders = spec.order.map(({ type }, index) => `${parameters.add(values[index])}::${type}`).join(', ');
    conditions.push(`(${columns}) ${ascending ? '>' : '<'} (${placeholders})`);
  }
  // The same ordering over the columns as read back (`page."date"`), for ordering a page's rows again.
  const rowOrder = (alias: string) => spec.order.map(({ field }) => `${alias}."${field}" ${ascending ? 'ASC' : 'DESC'}`).join(', ');
  // The limit is written into the statement, not passed: with it a parameter PostgreSQL plans the
  // statement again on every execution (the plan depends on it), which cost about 1 ms a request on
  // a nested front page. Page sizes are validated integers, and few.
  const limit = request.size + 1;
  if (!Number.isSafeInteger(limit) || limit < 1) throw new Error(`Invalid page size ${request.size}`);
  return { orderBy, rowOrder, conditions, limit: String(limit) };
}

function toPage<Row extends Record<string, unknown>>(spec: ListSpec, request: PageRequest, fetched: Row[]): Page<Row> {
  const hasMore = fetched.length > request.size;
  const rows = hasMore ? fetched.slice(0, request.size) : fetched;
  if (!request.forward) rows.reverse();
  return {
    rows,
    cursorOf: (row) => cursorOf(spec, row),
    hasNextPage: request.forward ? hasMore : request.cursor !== null,
    hasPreviousPage: request.forward ? request.cursor !== null : hasMore,
  };
}

function fromClause(spec: ListSpec, parameters: SqlParameters): string {
  return typeof spec.from === 'string' ? spec.from : spec.from(parameters);
}

function whereClause(conditions: string[]): string {
  return conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
}

/** The list's own condition, if it has one, before `others`. */
function listConditions(spec: ListSpec, ...others: string[]): string[] {
  return spec.where ? [spec.where, ...others] : others;
}

type Row = Record<string, unknown>;

/**
 * A column per planned page of the rows of `t`, holding the page as JSON: `{"rows": [...]}`, plus
 * `"totalCount"` when counted. Each reads its parent's id through `parent` (the list's own tables
 * are named `t` at every depth) and walks the same index as a page read on its own.
 */
export function pageColumns(pages: PlannedPage[], parameters: SqlParameters): string {
  return pages
    .map((planned) => {
      const { spec, parentColumn } = planned.list;
      const from = fromClause(spec, parameters);
      const page = pageClauses(spec, planned.request, parameters);
      const joined = joinClauses(planned.joins);
      const rows = `SELECT ${selectedColumns(spec, planned.fields)}${joined.columns}${pageColumns(planned.pages, parameters)} FROM ${from} ${joined.from}
        ${whereClause(listConditions(spec, `${parentColumn} = parent.id`, ...page.conditions))} ORDER BY ${page.orderBy} LIMIT ${page.limit}`;
      const count = planned.withCount
        ? `, 'totalCount', (SELECT count(*)::int FROM ${fromClause(spec, parameters)} ${whereClause(listConditions(spec, `${parentColumn} = parent.id`))})`
        : '';
      return `, (SELECT json_build_object('rows', coalesce((SELECT json_agg(page ORDER BY ${page.rowOrder('page')}) FROM (${rows}) page), '[]'::json)${count})
        FROM (VALUES (t."id")) AS parent(id)) AS "${planned.column}"`;
    })
    .join('');
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

/** Reads the pages planned under `rows` out of their JSON columns, with what they read along, and leaves them on their rows. */
function takePages(rows: Row[], pages: PlannedPage[]): void {
  for (const planned of pages) {
    const { spec } = planned.list;
    const all: Row[] = [];
    for (const row of rows) {
      const value = row[planned.column] as { rows: Row[] } | null;
      if (value) for (const nested of value.rows) all.push(nested);
    }
    restoreTimestamps(all, [...(spec.timestamps ?? []), ...joinedTimestampColumns(planned.joins)]);
    takeReadAlong(all, planned);
    for (const row of rows) {
      const value = row[planned.column] as { rows: Row[]; totalCount?: number } | null;
      if (!value) continue;
      const page = { ...toPage(spec, planned.request, value.rows), totalCount: value.totalCount };
      row[planned.column] = new PageReadAlong(planned.fieldNodes, page, planned.list);
    }
  }
}

/** Hands on what a statement read along with its rows: joined rows and nested pages. */
export function takeReadAlong(rows: Row[], along: ReadAlong): void {
  takeJoinedRows(rows, along.joins);
  takePages(rows, along.pages);
}

/** One page of a top-level list, with what `along` asks to read along with its rows. */
export async function fetchPage<T extends Row>(
  reader: SqlReader,
  spec: ListSpec,
  request: PageRequest,
  filter: Filter = () => [],
  along: ReadAlong = NOTHING_ALONG,
): Promise<Page<T>> {
  const parameters = new SqlParameters();
  const from = fromClause(spec, parameters);
  const conditions = filter(parameters);
  const page = pageClauses(spec, request, parameters);
  const joined = joinClauses(along.joins);
  // The page is cut first, then joined: PostgreSQL does not push a LIMIT below a join, and would
  // join (and read nested pages for) every row of the list before sorting it.
  const sql = `SELECT t.*${joined.columns}${pageColumns(along.pages, parameters)} FROM (
      SELECT ${selectedColumns(spec, along.fields)} FROM ${from} ${whereClause(listConditions(spec, ...conditions, ...page.conditions))}
      ORDER BY ${page.orderBy} LIMIT ${page.limit}
    ) t ${joined.from} ORDER BY ${page.rowOrder('t')}`;
  const fetched = await reader.query<T>(sql, parameters.values);
  takeReadAlong(fetched, along);
  return toPage(spec, request, fetched);
}

/**
 * The page `planned` under each parent, in one statement; the list's `parentColumn` links a row to
 * its parent. With a count, each parent's rows are counted in the same statement (a parent with no
 * rows on the page then comes back as one row of nulls, which only carries the count).
 */
export async function fetchPagesByParent<T extends Row>(
  reader: SqlReader,
  planned: PlannedPage,
  parentIds: readonly number[],
): Promise<Map<number, Page<T>>> {
  const { list, request, withCount } = planned;
  const { spec, parentColumn } = list;
  const parameters = new SqlParameters();
  const parents = parameters.add([...parentIds]);
  const total = withCount
    ? `CROSS JOIN LATERAL (SELECT count(*)::int AS "totalCount" FROM ${fromClause(spec, parameters)} ${whereClause(listConditions(spec, `${parentColumn} = parent.id`))}) AS total`
    : '';
  const from = fromClause(spec, parameters);
  const page = pageClauses(spec, request, parameters);
  const joined = joinClauses(planned.joins);
  const sql = `SELECT parent.id AS "parentId"${withCount ? ', total."totalCount"' : ''}, page.* FROM unnest(${parents}::int[]) AS parent(id)
    ${total} ${withCount ? 'LEFT' : 'CROSS'} JOIN LATERAL (
      SELECT ${selectedColumns(spec, planned.fields)}${joined.columns}${pageColumns(planned.pages, parameters)} FROM ${from} ${joined.from}
      ${whereClause(listConditions(spec, `${parentColumn} = parent.id`, ...page.conditions))}
      ORDER BY ${page.orderBy} LIMIT ${page.limit}
    ) AS page${withCount ? ' ON true' : ''}`;
  const fetched = await reader.query<T & { parentId: number; totalCount?: number }>(sql, parameters.values);
  const byParent = new Map<number, T[]>(parentIds.map((id) => [id, []]));
  const counts = new Map<number, number>();
  const rows: T[] = [];
  // The rows keep their parentId and totalCount (no field reads them): copying every row without
  // them showed in profiles.
  for (const row of fetched) {
    if (row.totalCount !== undefined) counts.set(row.parentId, row.totalCount);
    if (row.id == null) continue;
    byParent.get(row.parentId)?.push(row);
    rows.push(row);
  }
  takeReadAlong(rows, planned);
  return new Map(
    [...byParent].map(([id, rows]) => [id, { ...toPage(spec, request, rows), totalCount: withCount ? (counts.get(id) ?? 0) : undefined }]),
  );
}

/** How many rows a top-level list holds under `filter`. */
export async function countRows(reader: SqlReader, spec: ListSpec, filter: Filter = () => []): Promise<number> {
  const parameters = new SqlParameters();
  const from = fromClause(spec, parameters);
  const sql = `SELECT count(*)::int AS count FROM ${from} ${whereClause(listConditions(spec, ...filter(parameters)))}`;
  const [result] = await reader.query<{ count: number }>(sql, parameters.values);
  return result?.count ?? 0;
}

/** How many rows the list holds under each parent, in one statement. */
export async function countRowsByParent(
  reader: SqlReader,
  spec: ListSpec,
  parentColumn: string,
  parentIds: readonly number[],
): Promise<Map<number, number>> {
  const parameters = new SqlParameters();
  const parents = parameters.add([...parentIds]);
  const sql = `SELECT ${parentColumn} AS "parentId", count(*)::int AS count FROM ${fromClause(spec, parameters)}
    ${whereClause(listConditions(spec, `${parentColumn} = ANY(${parents}::int[])`))} GROUP BY ${parentColumn}`;
  const rows = await reader.query<{ parentId: number; count: number }>(sql, parameters.values);
  const counts = new Map<number, number>(parentIds.map((id) => [id, 0]));
  for (const row of rows) counts.set(row.parentId, row.count);
  return counts;
}
