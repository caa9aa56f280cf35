// To-one rows read in the same statement as a list (each quote's article, and that article's source)
// when the query selects them, handed to the per-request row loaders so that the relation's
// resolver finds them there instead of issuing a statement of its own.
import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { SqlReader } from '../../db/sql.js';
import type { RowSource } from '../loaders.js';

type Row = Record<string, unknown>;

/** A to-one relation of a list's rows that the list can read along with them. */
export interface JoinedRow {
  /** The field of the listed node that returns this row ('article'). */
  field: string;
  rows: RowSource;
  /** The listed row's field holding this row's id ('articleId'). */
  key: string;
  /** To-one relations of this row that can be read along with it (an article's source). */
  joins?: JoinedRow[];
}

/** Hands a row read along with a list to whoever serves it by id (the request's row loaders). */
export type PrimeRow = (source: RowSource, row: Row) => void;

/** Fields selected directly in `selectionSet`, through fragments, by name. */
function selectedFields(selectionSet: SelectionSetNode | undefined, info: GraphQLResolveInfo, into: FieldNode[] = []): FieldNode[] {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) into.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) selectedFields(selection.selectionSet, info, into);
    else selectedFields(info.fragments[selection.name.value]?.selectionSet, info, into);
  }
  return into;
}

function childFields(fields: FieldNode[], name: string, info: GraphQLResolveInfo): FieldNode[] {
  return fields.filter((field) => field.name.value === name).flatMap((field) => selectedFields(field.selectionSet, info));
}

function selectedJoins(joins: JoinedRow[], nodeFields: FieldNode[], info: GraphQLResolveInfo): JoinedRow[] {
  return joins.flatMap((join) => {
    if (!nodeFields.some((field) => field.name.value === join.field)) return [];
    return [{ ...join, joins: selectedJoins(join.joins ?? [], childFields(nodeFields, join.field, info), info) }];
  });
}

/** The joins whose field the query selects under the connection's `nodes` or `edges.node`. */
export function joinsSelectedBy(joins: JoinedRow[] | undefined, info: GraphQLResolveInfo): JoinedRow[] {
  if (!joins?.length) return [];
  const connectionFields = info.fieldNodes.flatMap((field) => selectedFields(field.selectionSet, info));
  const nodeFields = [
    ...childFields(connectionFields, 'nodes', info),
    ...childFields(childFields(connectionFields, 'edges', info), 'node', info),
  ];
  return selectedJoins(joins, nodeFields, info);
}

/** The joins whose field the query selects on the row the field being resolved returns. */
export function joinsSelectedOnRow(joins: JoinedRow[] | undefined, info: GraphQLResolveInfo): JoinedRow[] {
  if (!joins?.length) return [];
  return selectedJoins(joins, info.fieldNodes.flatMap((field) => selectedFields(field.selectionSet, info)), info);
}

/** Whether the query selects the connection's `totalCount`. */
export function selectsTotalCount(info: GraphQLResolveInfo): boolean {
  return info.fieldNodes.some((field) => selectedFields(field.selectionSet, info).some((child) => child.name.value === 'totalCount'));
}

/** A stable name for a set of joins, so that requests joining differently do not share a loader. */
export function joinsKey(joins: JoinedRow[]): string {
  return joins.map((join) => `${join.field}(${joinsKey(join.joins ?? [])})`).join(',');
}

/** `t."title"` or `<expression> AS "name"`: the name a column is read back under. */
function columnName(column: string): string {
  const name = /"([^"]+)"\s*$/.exec(column)?.[1];
  if (!name) throw new Error(`Cannot tell the name of the column ${column}`);
  return name;
}

/** Splits a column list at its top-level commas. */
function splitColumns(columns: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < columns.length; index++) {
    const character = columns[index];
    if (character === '(') depth++;
    else if (character === ')') depth--;
    else if (character === ',' && depth === 0) {
      parts.push(columns.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(columns.slice(start));
  return parts.map((part) => part.trim()).filter(Boolean);
}

const parsedColumns = new WeakMap<RowSource, { expression: string; name: string }[]>();

/** A row source's columns as expressions over `t` and the names they are read back under, parsed once. */
function columnsOf(source: RowSource): { expression: string; name: string }[] {
  let columns = parsedColumns.get(source);
  if (!columns) {
    columns = splitColumns(source.columns).map((column) => ({
      expression: column.replace(/\s+AS\s+"[^"]+"\s*$/i, ''),
      name: columnName(column),
    }));
    parsedColumns.set(source, columns);
  }
  return columns;
}

/**
 * SQL for the joins: LEFT JOINs on the joined tables' ids, and their columns read back as
 * `"<field path>.<column>"` ("article.source.name"), from `t`, the listed table.
 */
export function joinClauses(joins: JoinedRow[]): { columns: string; from: string } {
  const columns: string[] = [];
  const from: string[] = [];
  const add = (list: JoinedRow[], parentAlias: string, parentPath: string) => {
    list.forEach((join, index) => {
      const alias = `${parentAlias}_${index}`;
      const path = parentPath ? `${parentPath}.${join.field}` : join.field;
      from.push(`LEFT JOIN ${join.rows.table} ${alias} ON ${alias}."id" = ${parentAlias}."${join.key}"`);
      for (const { expression, name } of columnsOf(join.rows)) {
        columns.push(`${expression.replace(/\bt\./g, `${alias}.`)} AS "${path}.${name}"`);
      }
      add(join.joins ?? [], alias, path);
    });
  };
  add(joins, 't', '');
  return { columns: columns.map((column) => `, ${column}`).join(''), from: from.join(' ') };
}

/**
 * Reads the joined columns of `rows` into rows of their own, finishes those (`prepare`) and primes
 * them; a join that found nothing yields nothing. The joined columns stay on the listed rows
 * (nothing reads them there), as deleting keys would slow every later read of those objects.
 */
export function takeJoinedRows(rows: Row[], joins: JoinedRow[], reader: SqlReader, prime: PrimeRow): void {
  const take = (list: JoinedRow[], parentPath: string) => {
    for (const join of list) {
      const path = parentPath ? `${parentPath}.${join.field}` : join.field;
      const columns = columnsOf(join.rows).map(({ name }) => ({ name, key: `${path}.${name}` }));
      const found: Row[] = [];
      for (const row of rows) {
        if (row[`${path}.id`] == null) continue;
        const joined: Row = {};
        for (const { name, key } of columns) joined[name] = row[key];
        found.push(joined);
      }
      join.rows.prepare?.(found, reader);
      for (const row of found) prime(join.rows, row);
      take(join.joins ?? [], path);
    }
  };
  take(joins, '');
}
