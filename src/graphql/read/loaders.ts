// Per-request batch loaders. Every parent in a response that asks for the same relation with the
// same arguments is served by one statement, and nothing is cached across requests.
import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import type { SqlReader } from '../../db/sql.js';
import type { Page } from '../relay/connection.type.js';
import type { PageRequest } from '../relay/page-arguments.js';
import type { NestedList, Row, RowSource } from './catalogue.js';
import { countRowsByParent, fetchNodes, fetchPagesByParent, fetchRowsById, fetchValuesByParent } from './execute.js';
import { planPage, type PlannedPage } from './plan.js';
import { connectionRowType } from './selection.js';

export class Loaders {
  private readonly loaders = new Map<string, DataLoader<number, unknown>>();
  private readonly plans = new WeakMap<GraphQLResolveInfo['fieldNodes'], PlannedPage>();
  constructor(private readonly sql: SqlReader) {}

  private loader<Value>(key: string, batch: (ids: readonly number[]) => Promise<Value[]>): DataLoader<number, Value> {
    let loader = this.loaders.get(key);
    if (!loader) {
      loader = new DataLoader<number, unknown>(batch);
      this.loaders.set(key, loader);
    }
    return loader as DataLoader<number, Value>;
  }

  /** The row with this id, or null. */
  row<T extends Row>(source: RowSource, id: number): Promise<T | null> {
    return this.loader<Row | null>(`row:${source.table}`, (ids) => fetchRowsById(this.sql, source, ids)).load(id) as Promise<T | null>;
  }

  /**
   * The row a global id names, for `node(id)`: through a redirect when the row was merged into
   * another, and null when the public may not see it (`source.visible`).
   */
  node<T extends Row>(source: RowSource, id: number): Promise<T | null> {
    return this.loader<Row | null>(`node:${source.table}`, (ids) => fetchNodes(this.sql, source, ids)).load(id) as Promise<T | null>;
  }

  /** One page of `list` under the parent `parentId`, with the joins, count and nested pages `info` selects. */
  page<T extends Row>(list: NestedList, parentId: number, request: PageRequest, info?: GraphQLResolveInfo): Promise<Page<T>> {
    const planned = this.plan(list, request, info);
    return this.loader<Page<T>>(`page:${planned.key}`, async (ids) => {
      const pages = await fetchPagesByParent<T>(this.sql, planned, ids);
      return ids.map((id) => pages.get(id)!);
    }).load(parentId);
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
      const counts = await countRowsByParent(this.sql, list.spec, list.parentColumn, ids, list.counter);
      return ids.map((id) => counts.get(id) ?? 0);
    }).load(parentId);
  }

  /** Values of `column` for each parent, from a plain child table (a person's aliases). */
  values(table: string, parentColumn: string, column: string, parentId: number): Promise<string[]> {
    return this.loader<string[]>(`values:${table}:${column}`, (ids) => fetchValuesByParent(this.sql, table, parentColumn, column, ids)).load(parentId);
  }
}
