// Runs the read statements (compile.ts) and reads their rows back (decode.ts).
import type { SqlReader } from '../../db/sql.js';
import type { Page } from '../relay/connection.type.js';
import type { PageRequest } from '../relay/page-arguments.js';
import type { Counter, Filter, ListSpec, Row, RowSource } from './catalogue.js';
import {
  countByParentStatement,
  countStatement,
  listPagesStatement,
  nodesStatement,
  pagesByParentStatement,
  pageStatement,
  rowBySlugStatement,
  rowsByIdStatement,
  valuesStatement,
  type ListPage,
} from './compile.js';
import { pageFromJson, takeReadAlong, toPage, type PageReadAhead } from './decode.js';
import { NOTHING_ALONG, pageColumn, type PlannedPage, type ReadAlong } from './plan.js';

/** One page of a top-level list, with what `along` asks to read along with its rows. */
export async function fetchPage<T extends Row>(
  reader: SqlReader,
  spec: ListSpec,
  request: PageRequest,
  filter: Filter = () => [],
  along: ReadAlong = NOTHING_ALONG,
): Promise<Page<T>> {
  const { sql, values } = pageStatement(spec, request, filter, along);
  const fetched = await reader.query<T>(sql, values);
  takeReadAlong(fetched, along);
  return toPage(spec, request, fetched);
}

/** Pages of several top-level lists in one statement, by key, each with the field nodes it answers. */
export async function fetchListPages(reader: SqlReader, lists: readonly (ListPage & Pick<PageReadAhead, 'fieldNodes'>)[]): Promise<Map<string, PageReadAhead>> {
  const { sql, values } = listPagesStatement(lists);
  const [row] = await reader.query<Record<string, { rows: Row[] }>>(sql, values);
  return new Map(lists.map(({ key, spec, request, along, fieldNodes }) => [key, { fieldNodes, page: pageFromJson(spec, request, along, row![pageColumn(key)]!) }]));
}

/** The page `planned` under each parent, in one statement. */
export async function fetchPagesByParent<T extends Row>(reader: SqlReader, planned: PlannedPage, parentIds: readonly number[]): Promise<Map<number, Page<T>>> {
  const { sql, values } = pagesByParentStatement(planned, parentIds);
  const fetched = await reader.query<T & { parentId: number; totalCount?: number }>(sql, values);
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
  const { spec } = planned.list;
  return new Map(
    [...byParent].map(([id, rows]) => [id, { ...toPage(spec, planned.request, rows), totalCount: planned.withCount ? (counts.get(id) ?? 0) : undefined }]),
  );
}

/** How many rows a top-level list holds under `filter`. */
export async function countRows(reader: SqlReader, spec: ListSpec, filter: Filter = () => []): Promise<number> {
  const { sql, values } = countStatement(spec, filter);
  const [result] = await reader.query<{ count: number }>(sql, values);
  return result?.count ?? 0;
}

/** How many rows the list holds under each parent, in one statement. */
export async function countRowsByParent(
  reader: SqlReader,
  spec: ListSpec,
  parentColumn: string,
  parentIds: readonly number[],
  counter?: Counter,
): Promise<Map<number, number>> {
  const { sql, values } = countByParentStatement(spec, parentColumn, parentIds, counter);
  const rows = await reader.query<{ parentId: number; count: number }>(sql, values);
  const counts = new Map<number, number>(parentIds.map((id) => [id, 0]));
  for (const row of rows) counts.set(row.parentId, row.count);
  return counts;
}

/**
 * The row with this slug, or null, with what `along` asks to read along with it; top-level lookups
 * are one per request, so nothing to batch.
 */
export async function findRowBySlug<T extends Row>(reader: SqlReader, source: RowSource, slug: string, along?: ReadAlong): Promise<T | null> {
  const { sql, values } = rowBySlugStatement(source, slug, along);
  const rows = await reader.query<T>(sql, values);
  if (along) takeReadAlong(rows, along);
  return rows[0] ?? null;
}

/** The rows with these ids, in the order asked (null where none). */
export async function fetchRowsById(reader: SqlReader, source: RowSource, ids: readonly number[]): Promise<(Row | null)[]> {
  const { sql, values } = rowsByIdStatement(source, ids);
  const rows = await reader.query<Row>(sql, values);
  const byId = new Map(rows.map((row) => [row.id as number, row]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** The rows these global ids name, through redirects, each null when there is none or the public may not see it. */
export async function fetchNodes(reader: SqlReader, source: RowSource, ids: readonly number[]): Promise<(Row | null)[]> {
  const { sql, values } = nodesStatement(source, ids);
  const rows = await reader.query<Row>(sql, values);
  const byId = new Map(rows.map((row) => [row['@requested'] as number, row]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** Values of `column` of a plain child table for each parent, in the order of their ids. */
export async function fetchValuesByParent(reader: SqlReader, table: string, parentColumn: string, column: string, parentIds: readonly number[]): Promise<string[][]> {
  const { sql, values } = valuesStatement(table, parentColumn, column, parentIds);
  const rows = await reader.query<{ parentId: number; value: string }>(sql, values);
  const byParent = new Map<number, string[]>(parentIds.map((id) => [id, []]));
  for (const row of rows) byParent.get(row.parentId)?.push(row.value);
  return parentIds.map((id) => byParent.get(id)!);
}
