// The catalogue: what the read engine can read, as typed data. Each entity declares its own in its
// `*.lists.ts` (row sources, lists, the joins and filters of its lists); the engine reads these
// declarations and knows no entity. Every SQL fragment here is written over `t`, the listed table.
import { columnNamed, type Column } from '../../db/columns.js';
import { listTag, type CursorColumnType } from '../relay/cursor.js';
import { SqlParameters } from './parameters.js';

export { columns, KEY, type Column } from '../../db/columns.js';
export type { SqlParameters } from './parameters.js';

export type Row = Record<string, unknown>;

/** The types under which the Redirect table keeps renamed and merged-away slugs and ids. */
export type RedirectedType = 'Person' | 'Source' | 'Topic';

/** A table whose rows are loaded by id (and, for some, looked up by slug). */
export interface RowSource {
  table: string;
  columns: readonly Column[];
  /** Columns for a lookup of one row by slug, when they differ (all of them, to save a statement). */
  singleColumns?: readonly Column[];
  /** What a public lookup (by slug, or `node(id)`) leaves out, as a condition on `t` (an unpublished article). */
  visible?: string;
  /** Public lookups follow this type's redirects to the row a renamed or merged-away slug or id now names. */
  redirects?: RedirectedType;
}

/**
 * A to-one row its parent's statement can read along (a quote's speaker): declared on its field
 * (fields.ts), whose name is no column's (the row read along sits on its parent under that name).
 */
export interface JoinedRow {
  rows: RowSource;
  /** The parent row's column holding this row's id ('speakerId'). */
  key: string;
}

/** One column of a list's ordering, whose values make up its cursors. */
export interface OrderColumn extends Column {
  type: CursorColumnType;
}

const CURSOR_TYPES: ReadonlySet<string> = new Set<CursorColumnType>(['int', 'float8', 'text', 'timestamp']);

/** An ordering over some of `list`'s columns; it should end with a unique one so that it is total. */
export function orderBy(list: readonly Column[], ...names: string[]): OrderColumn[] {
  return names.map((name) => {
    const column = columnNamed(list, name);
    if (!CURSOR_TYPES.has(column.type)) throw new Error(`Cannot order a list by "${name}", a ${column.type} column`);
    return column as OrderColumn;
  });
}

/**
 * How to list rows of one kind. `from` names the listed table `t` (joins allowed); `columns` are
 * those a page may read, `order` the keyset ordering.
 */
export interface ListSpec {
  /**
   * A function is given the page a top-level list's statement reads (`undefined` for a count or a
   * nested page), for a list that reads its rows in order from somewhere other than a table (search).
   */
  from: string | ((parameters: SqlParameters, page?: PageWindow) => string);
  columns: readonly Column[];
  order: readonly OrderColumn[];
  direction: 'ASC' | 'DESC';
  /**
   * What every read of the list leaves out, as a condition on `t` (retracted quotes, unpublished
   * articles): written into the list's own statement, so it costs no statement of its own.
   */
  where?: string;
  /**
   * The list's name in "ListTotal" (migration list_totals), for a top-level list whose rows are all of a
   * table's rows passing `where`: `totalCount` without a filter reads the kept total instead of counting.
   */
  total?: string;
}

/** Where a page starts (the cursor's values, in the list's order; null for the first page), how many rows it reads, which way. */
export interface PageWindow {
  after: readonly unknown[] | null;
  limit: number;
  forward: boolean;
}

/** A list under a parent row: how to list it, and the column that holds the parent's id. */
export interface NestedList {
  /** Names the list in loader keys. */
  name: string;
  spec: ListSpec;
  parentColumn: string;
  /** The list to read instead for the field's arguments (a quote list with its retracted quotes, when asked). */
  forArguments?(args: Record<string, unknown>): NestedList;
  /**
   * The parent's column that holds how many rows the list has, kept by triggers in the transaction of
   * every change (migration `counters`): `totalCount` reads it instead of counting the rows.
   */
  counter?: Counter;
}

/** A count kept on the parent's row: its table and column. */
export interface Counter {
  table: string;
  column: string;
}

/** SQL for the count `counter` keeps for the parent whose id is `parentId` (0 for no such parent). */
export function keptCount({ table, column }: Counter, parentId: string): string {
  return `coalesce((SELECT kept."${column}" FROM ${table} kept WHERE kept."id" = ${parentId}), 0)`;
}

/** A link table between listed rows and their parents (ArticleTopic, between articles and topics). */
export interface Link {
  table: string;
  /** The link table's alias in the list's statement. */
  alias: string;
  /** The link's column naming the listed row, and the listed row's column it names (its id unless said). */
  rowKey: string;
  rowColumn?: string;
  /** The link's column naming the parent. */
  parentKey: string;
}

/** The rows of `spec` listed under a parent through `link`: a nested list's spec and parent column. */
export function throughLink(spec: ListSpec, link: Link): Pick<NestedList, 'spec' | 'parentColumn'> {
  if (typeof spec.from !== 'string') throw new Error('A list read through a link table must name its table plainly');
  const on = `${link.alias}."${link.rowKey}" = t."${link.rowColumn ?? 'id'}"`;
  return { spec: { ...spec, from: `${spec.from} JOIN "${link.table}" ${link.alias} ON ${on}`, total: undefined }, parentColumn: `${link.alias}."${link.parentKey}"` };
}

/** Extra conditions on a top-level list, written against `t` with parameters from `parameters`. */
export type Filter = (parameters: SqlParameters) => string[];

const cursorTags = new WeakMap<ListSpec, string>();

/**
 * The tag `spec`'s cursors carry, from the table it lists (the first name in its FROM) and its
 * ordering: a cursor of another list is refused instead of paging from a position in a different list.
 */
export function cursorTag(spec: ListSpec): string {
  let tag = cursorTags.get(spec);
  if (tag === undefined) {
    const from = typeof spec.from === 'string' ? spec.from : spec.from(new SqlParameters());
    tag = listTag(/(?:^|FROM\s+)"(\w+)"/.exec(from)?.[1] ?? from, spec.order, spec.direction);
    cursorTags.set(spec, tag);
  }
  return tag;
}
