// Per-request batch loaders. Every parent in a response that asks for the same relation with the
// same arguments is served by one statement, and nothing is cached across requests.
import DataLoader from 'dataloader';
import type { SqlReader } from '../db/sql.js';
import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import { columnList, neededColumns } from './pagination/columns.js';
import { joinClauses, type JoinedRow } from './pagination/joined-rows.js';
import { countRowsByParent, fetchPagesByParent, pageColumns, SqlParameters, takeReadAlong, type ListSpec, type Page } from './pagination/keyset.js';
import { connectionRowType, planPage, type PlannedPage } from './pagination/nested-pages.js';
import type { PageRequest } from './pagination/page-arguments.js';
import type { ReadAlong } from './pagination/read-along.js';

/** A table whose rows are loaded by id: its name and the columns to select from `t`. */
export interface RowSource {
  table: string;
  columns: string;
  /** Columns for a lookup of one row by slug, when they differ (all of them, to save a statement). */
  singleColumns?: string;
  /** To-one rows a lookup by slug can read in its own statement when the query selects them. */
  joins?: JoinedRow[];
  /** Columns holding timestamps, which rows read as JSON get back as text. */
  timestamps?: readonly string[];
  /** What a public lookup (by slug, or `node(id)`) leaves out, as a condition on `t` (an unpublished article). */
  visible?: string;
  /**
   * The type under which the Redirect table keeps this table's renamed and merged-away slugs and
   * ids: public lookups follow them to the row they now name, in their own statement.
   */
  redirects?: RedirectedType;
}

export type RedirectedType = 'Person' | 'Source' | 'Topic';

/** A list under a parent row: how to list it, and the column that holds the parent's id. */
export interface NestedList {
  name: string;
  spec: ListSpec;
  parentColumn: string;
  /** The list to read instead for the field's arguments (a quote list with its retracted quotes, when asked). */
  forArguments?(args: Record<string, unknown>): NestedList;
}

type Row = Record<string, unknown>;

export class Loaders {
  private readonly loaders = new Map<string, DataLoader<number, unknown>>();
  private readonly plans = new WeakMap<readonly FieldNode[], PlannedPage>();
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
      const byId = new Map(rows.map((row) => [row.id as number, row]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }

  /** The row with this id, or null. */
  row<T extends Row>(source: RowSource, id: number): Promise<T | null> {
    return this.rowLoader(source).load(id) as Promise<T | null>;
  }

  /**
   * The row a global id names, for `node(id)`: through a redirect when the row was merged into
   * another, and null when the public may not see it (`source.visible`).
   */
  node<T extends Row>(source: RowSource, id: number): Promise<T | null> {
    return this.loader<Row | null>(`node:${source.table}`, async (ids) => {
      const visible = source.visible ? ` AND ${source.visible}` : '';
      const sql = source.redirects
        ? `SELECT ${source.columns}, requested.id AS "@requested" FROM unnest($1::int[]) AS requested(id)
           LEFT JOIN "Redirect" redirect ON redirect."type" = '${source.redirects}' AND redirect."formerId" = requested.id
           JOIN ${source.table} t ON t."id" = coalesce(redirect."targetId", requested.id)${visible}`
        : `SELECT ${source.columns}, t."id" AS "@requested" FROM ${source.table} t WHERE t."id" = ANY($1::int[])${visible}`;
      const rows = await this.sql.query<Row>(sql, [[...ids]]);
      const byId = new Map(rows.map((row) => [row['@requested'] as number, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }).load(id) as Promise<T | null>;
  }

  private pageLoader<T extends Row>(planned: PlannedPage): DataLoader<number, Page<T>> {
    return this.loader<Page<T>>(`page:${planned.key}`, async (ids) => {
      const pages = await fetchPagesByParent<T>(this.sql, planned, ids);
      return ids.map((id) => pages.get(id)!);
    });
  }

  /** One page of `list` under the parent `parentId`, with the joins, count and nested pages `info` selects. */
  page<T extends Row>(list: NestedList, parentId: number, request: PageRequest, info?: GraphQLResolveInfo): Promise<Page<T>> {
    return this.pageLoader<T>(this.plan(list, request, info)).load(parentId);
  }

  /**
   * The page a field asks for, planned once for all its parents: graphql-js hands every parent of a
   * list the same field nodes, and with them come the same arguments and selection.
   */
  private plan(list: NestedList, request: PageRequest, info: GraphQLResolveInfo | undefined): PlannedPage {
    if (!info) return planPage(list, request);
    let planned = this.plans.get(info.fieldNodes);
    if (!planned) {
      planned = planPage(list, request, { fieldNodes: info.fieldNodes, rowType: connectionRowType(info.returnType), info });
      this.plans.set(info.fieldNodes, planned);
    }
    return planned;
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

/**
 * The row with this slug, or null, with what `along` asks to read along with it; top-level lookups
 * are one per request, so nothing to batch.
 */
export async function findRowBySlug<T extends Row>(sql: SqlReader, source: RowSource, slug: string, along?: ReadAlong): Promise<T | null> {
  const parameters = new SqlParameters();
  const slugParameter = parameters.add(slug);
  const joined = joinClauses(along?.joins ?? []);
  const pages = pageColumns(along?.pages ?? [], parameters);
  const conditions = [
    source.redirects ? `t."id" = ${idOfSlug(source.table, source.redirects, slugParameter)}` : `t."slug" = ${slugParameter}`,
    ...(source.visible ? [source.visible] : []),
  ];
  const rows = await sql.query<T>(
    `SELECT ${columnList(neededColumns(source.singleColumns ?? source.columns, along?.fields))}${joined.columns}${pages} FROM ${source.table} t ${joined.from} WHERE ${conditions.join(' AND ')}`,
    parameters.values,
  );
  if (along) takeReadAlong(rows, along);
  return rows[0] ?? null;
}

/**
 * SQL for the id of the row with the slug in `slugParameter`: its own, else the row a rename or a
 * merge redirected the slug to. PostgreSQL reads the redirect only when the slug names no row.
 */
export function idOfSlug(table: string, type: RedirectedType, slugParameter: string): string {
  return `coalesce((SELECT "id" FROM ${table} WHERE "slug" = ${slugParameter}),
    (SELECT "targetId" FROM "Redirect" WHERE "type" = '${type}' AND "slug" = ${slugParameter}))`;
}
