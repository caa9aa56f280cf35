// Per-request batch loaders. Every parent in a response that asks for the same relation with the
// same arguments is served by one statement, and nothing is cached across requests.
import DataLoader from 'dataloader';
import type { SqlReader } from '../db/sql.js';
import type { GraphQLResolveInfo } from 'graphql';
import { joinClauses, joinsKey, joinsSelectedBy, joinsSelectedOnRow, selectsTotalCount, takeJoinedRows, type JoinedRow } from './pagination/joined-rows.js';
import { countRowsByParent, fetchPagesByParent, type Joining, type ListSpec, type Page } from './pagination/keyset.js';
import { pageRequestKey, type PageRequest } from './pagination/page-arguments.js';

/** Finishes rows as read (e.g. adds fields loaded only when a query asks for them). */
export type PrepareRows = (rows: Record<string, unknown>[], sql: SqlReader) => void;

/** A table whose rows are loaded by id: its name and the columns to select from `t`. */
export interface RowSource {
  table: string;
  columns: string;
  /** Columns for a lookup of one row by slug, when they differ (all of them, to save a statement). */
  singleColumns?: string;
  prepare?: PrepareRows;
  /** To-one rows a lookup by slug can read in its own statement when the query selects them. */
  joins?: JoinedRow[];
}

/** A list under a parent row: how to list it, and the column that holds the parent's id. */
export interface NestedList {
  name: string;
  spec: ListSpec;
  parentColumn: string;
}

type Row = Record<string, unknown>;

export class Loaders {
  private readonly loaders = new Map<string, DataLoader<number, unknown>>();
  constructor(private readonly sql: SqlReader) {}

  private loader<Value>(key: string, batch: (ids: readonly number[]) => Promise<Value[]>): DataLoader<number, Value> {
    let loader = this.loaders.get(key);
    if (!loader) {
      loader = new DataLoader<number, unknown>(batch);
      this.loaders.set(key, loader);
    }
    return loader as DataLoader<number, Value>;
  }

  private rowLoader(source: RowSource): DataLoader<number, Row | null> {
    return this.loader<Row | null>(`row:${source.table}`, async (ids) => {
      const rows = await this.sql.query<Row>(`SELECT ${source.columns} FROM ${source.table} t WHERE t."id" = ANY($1::int[])`, [[...ids]]);
      source.prepare?.(rows, this.sql);
      const byId = new Map(rows.map((row) => [row.id as number, row]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }

  /** The row with this id, or null. */
  row<T extends Row>(source: RowSource, id: number): Promise<T | null> {
    return this.rowLoader(source).load(id) as Promise<T | null>;
  }

  /** Which of `spec`'s joins the field being resolved selects, priming this request's row loaders. */
  joining(spec: ListSpec, info: GraphQLResolveInfo | undefined): Joining {
    const joins: JoinedRow[] = info ? joinsSelectedBy(spec.joins, info) : [];
    return { joins, prime: (source, row) => this.rowLoader(source).prime(row.id as number, row) };
  }

  /** Which of `source`'s joins the row being resolved selects, priming this request's row loaders. */
  rowJoining(source: RowSource, info: GraphQLResolveInfo): Joining {
    return { joins: joinsSelectedOnRow(source.joins, info), prime: (joined, row) => this.rowLoader(joined).prime(row.id as number, row) };
  }

  /** One page of `list` under the parent `parentId`, with the joins and the count `info` selects. */
  page<T extends Row>(list: NestedList, parentId: number, request: PageRequest, info?: GraphQLResolveInfo): Promise<Page<T>> {
    const joining = this.joining(list.spec, info);
    const withCount = info ? selectsTotalCount(info) : false;
    const key = `page:${list.name}:${pageRequestKey(request)}:${joinsKey(joining.joins)}:${withCount}`;
    return this.loader<Page<T>>(key, async (ids) => {
      const pages = await fetchPagesByParent<T>(this.sql, list.spec, list.parentColumn, ids, request, joining, withCount);
      return ids.map((id) => pages.get(id)!);
    }).load(parentId);
  }

  /** How many rows `list` holds under the parent `parentId`. */
  count(list: NestedList, parentId: number): Promise<number> {
    return this.loader<number>(`count:${list.name}`, async (ids) => {
      const counts = await countRowsByParent(this.sql, list.spec, list.parentColumn, ids);
      return ids.map((id) => counts.get(id) ?? 0);
    }).load(parentId);
  }

  /** Values of `column` for each parent, from a plain child table (a person's aliases). */
  values(table: string, parentColumn: string, column: string, parentId: number): Promise<string[]> {
    return this.loader<string[]>(`values:${table}:${column}`, async (ids) => {
      const rows = await this.sql.query<{ parentId: number; value: string }>(
        `SELECT "${parentColumn}" AS "parentId", "${column}" AS value FROM "${table}"
         WHERE "${parentColumn}" = ANY($1::int[]) ORDER BY "id"`,
        [[...ids]],
      );
      const byParent = new Map<number, string[]>(ids.map((id) => [id, []]));
      for (const row of rows) byParent.get(row.parentId)?.push(row.value);
      return ids.map((id) => byParent.get(id)!);
    }).load(parentId);
  }
}

/** The row with this slug, or null, with the joins `joining` asks for; top-level lookups are one per request, so nothing to batch. */
export async function findRowBySlug<T extends Row>(sql: SqlReader, source: RowSource, slug: string, joining?: Joining): Promise<T | null> {
  const joined = joinClauses(joining?.joins ?? []);
  const rows = await sql.query<T>(
    `SELECT ${source.singleColumns ?? source.columns}${joined.columns} FROM ${source.table} t ${joined.from} WHERE t."slug" = $1`,
    [slug],
  );
  if (joining) takeJoinedRows(rows, joining.joins, sql, joining.prime);
  if (!source.singleColumns) source.prepare?.(rows, sql);
  return rows[0] ?? null;
}
