// Keyset pagination in SQL, for one list or for the same list under many parents at once.
// A nested list (every speaker's first 20 quotes) is one statement: the parents' ids are unnested
// and each takes its page through a LATERAL subquery that walks an index, so the number of
// statements grows with the depth of a query, never with the number of rows.
import type { SqlReader } from '../../db/sql.js';
import { decodeCursor, encodeCursor, type CursorValue } from './cursor.js';
import { joinClauses, takeJoinedRows, type JoinedRow, type PrimeRow } from './joined-rows.js';
import type { PageRequest } from './page-arguments.js';

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
  type: 'timestamp' | 'int' | 'text' | 'real';
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
  /** Finishes the rows as read (e.g. adds fields loaded only when a query asks for them). */
  prepare?: (rows: Record<string, unknown>[], sql: SqlReader) => void;
  /** To-one rows the list can read in its own statement when the query selects them. */
  joins?: JoinedRow[];
}

/** Which of the list's joins a request reads, and where the joined rows go. */
export interface Joining {
  joins: JoinedRow[];
  prime: PrimeRow;
}

const NO_JOINS: Joining = { joins: [], prime: () => {} };

/** Extra conditions on a list, written against `t` with parameters from `parameters`. */
export type Filter = (parameters: SqlParameters) => string[];

export interface Page<Row> {
  rows: Row[];
  cursors: string[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  /** How many rows the whole list holds, when it was counted in the page's statement. */
  totalCount?: number;
}

function cursorOf(spec: ListSpec, row: Record<string, unknown>): string {
  return encodeCursor(
    spec.order.map(({ field }) => {
      const value = row[field];
      return value instanceof Date ? value.toISOString() : (value as CursorValue);
    }),
  );
}

/** The ORDER BY, the cursor condition and the LIMIT for one page request. */
function pageClauses(spec: ListSpec, request: PageRequest, parameters: SqlParameters) {
  // Walking backwards reads the list in reverse, then the page is turned round.
  const ascending = (spec.direction === 'ASC') === request.forward;
  const orderBy = spec.order.map(({ expression }) => `${expression} ${ascending ? 'ASC' : 'DESC'}`).join(', ');
  const conditions: string[] = [];
  if (request.cursor !== null) {
    const values = decodeCursor(request.cursor, spec.order.length);
    const columns = spec.order.map(({ expression }) => expression).join(', ');
    const placeholders = spec.order.map(({ type }, index) => `${parameters.add(values[index])}::${type}`).join(', ');
    conditions.push(`(${columns}) ${ascending ? '>' : '<'} (${placeholders})`);
  }
  return { orderBy, conditions, limit: parameters.add(request.size + 1) };
}

function toPage<Row extends Record<string, unknown>>(spec: ListSpec, request: PageRequest, fetched: Row[]): Page<Row> {
  const hasMore = fetched.length > request.size;
  const rows = hasMore ? fetched.slice(0, request.size) : fetched;
  if (!request.forward) rows.reverse();
  return {
    rows,
    cursors: rows.map((row) => cursorOf(spec, row)),
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

/** One page of a top-level list. */
export async function fetchPage<Row extends Record<string, unknown>>(
  reader: SqlReader,
  spec: ListSpec,
  request: PageRequest,
  filter: Filter = () => [],
  joining: Joining = NO_JOINS,
): Promise<Page<Row>> {
  const parameters = new SqlParameters();
  const from = fromClause(spec, parameters);
  const conditions = filter(parameters);
  const page = pageClauses(spec, request, parameters);
  const joined = joinClauses(joining.joins);
  const sql = `SELECT ${spec.columns}${joined.columns} FROM ${from} ${joined.from}
    ${whereClause([...conditions, ...page.conditions])}
    ORDER BY ${page.orderBy} LIMIT ${page.limit}`;
  const fetched = await reader.query<Row>(sql, parameters.values);
  takeJoinedRows(fetched, joining.joins, reader, joining.prime);
  spec.prepare?.(fetched, reader);
  return toPage(spec, request, fetched);
}

/**
 * The same page of a list under each parent, in one statement; `parentColumn` links a row to its
 * parent. With `withCount`, each parent's rows are counted in the same statement (a parent with no
 * rows on the page then comes back as one row of nulls, which only carries the count).
 */
export async function fetchPagesByParent<Row extends Record<string, unknown>>(
  reader: SqlReader,
  spec: ListSpec,
  parentColumn: string,
  parentIds: readonly number[],
  request: PageRequest,
  joining: Joining = NO_JOINS,
  withCount = false,
): Promise<Map<number, Page<Row>>> {
  const parameters = new SqlParameters();
  const parents = parameters.add([...parentIds]);
  const total = withCount
    ? `CROSS JOIN LATERAL (SELECT count(*)::int AS "totalCount" FROM ${fromClause(spec, parameters)} WHERE ${parentColumn} = parent.id) AS total`
    : '';
  const from = fromClause(spec, parameters);
  const page = pageClauses(spec, request, parameters);
  const joined = joinClauses(joining.joins);
  const sql = `SELECT parent.id AS "parentId"${withCount ? ', total."totalCount"' : ''}, page.* FROM unnest(${parents}::int[]) AS parent(id)
    ${total} ${withCount ? 'LEFT' : 'CROSS'} JOIN LATERAL (
      SELECT ${spec.columns}${joined.columns} FROM ${from} ${joined.from}
      ${whereClause([`${parentColumn} = parent.id`, ...page.conditions])}
      ORDER BY ${page.orderBy} LIMIT ${page.limit}
    ) AS page${withCount ? ' ON true' : ''}`;
  const fetched = await reader.query<Row & { parentId: number; totalCount?: number }>(sql, parameters.values);
  takeJoinedRows(fetched, joining.joins, reader, joining.prime);
  const byParent = new Map<number, Row[]>(parentIds.map((id) => [id, []]));
  const counts = new Map<number, number>();
  const rows: Row[] = [];
  // The rows keep their parentId and totalCount (no field reads them): copying every row without
  // them showed in profiles.
  for (const row of fetched) {
    if (row.totalCount !== undefined) counts.set(row.parentId, row.totalCount);
    if (row.id == null) continue;
    byParent.get(row.parentId)?.push(row);
    rows.push(row);
  }
  spec.prepare?.(rows, reader);
  return new Map(
    [...byParent].map(([id, rows]) => [id, { ...toPage(spec, request, rows), totalCount: withCount ? (counts.get(id) ?? 0) : undefined }]),
  );
}

/** How many rows a top-level list holds under `filter`. */
export async function countRows(reader: SqlReader, spec: ListSpec, filter: Filter = () => []): Promise<number> {
  const parameters = new SqlParameters();
  const from = fromClause(spec, parameters);
  const sql = `SELECT count(*)::int AS count FROM ${from} ${whereClause(filter(parameters))}`;
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
    WHERE ${parentColumn} = ANY(${parents}::int[]) GROUP BY ${parentColumn}`;
  const rows = await reader.query<{ parentId: number; count: number }>(sql, parameters.values);
  const counts = new Map<number, number>(parentIds.map((id) => [id, 0]));
  for (const row of rows) counts.set(row.parentId, row.count);
  return counts;
}
