// To-one rows read in the same statement as a list (each quote's article, and that article's source)
// when the query selects them, and left on the rows they belong to, where the relation's resolver
// finds them instead of issuing a statement of its own.
import type { FieldNode, GraphQLField, GraphQLResolveInfo } from 'graphql';
import { Extensions } from 'type-graphql';
import type { RowSource } from '../loaders.js';
import { neededColumns, fieldsKey, type Column } from './columns.js';
import { childFields, fieldNames } from './selection.js';

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
  /** Once selected by a query: the fields it selects on this row (see columns.ts). */
  fields?: ReadonlySet<string>;
}

/** The joins whose field is selected among `rowFields`, the fields selected on the listed rows. */
export function joinsSelectedOn(joins: JoinedRow[] | undefined, rowFields: FieldNode[], info: GraphQLResolveInfo): JoinedRow[] {
  return (joins ?? []).flatMap((join) => {
    if (!rowFields.some((field) => field.name.value === join.field)) return [];
    const fields = childFields(rowFields, join.field, info);
    return [{ ...join, joins: joinsSelectedOn(join.joins, fields, info), fields: fieldNames(fields) }];
  });
}

/** The joined columns holding timestamps, as read back (`"article.date"`), so that JSON reads can restore them. */
export function joinedTimestampColumns(joins: JoinedRow[], parentPath = ''): string[] {
  return joins.flatMap((join) => {
    const path = parentPath ? `${parentPath}.${join.field}` : join.field;
    return [...(join.rows.timestamps ?? []).map((name) => `${path}.${name}`), ...joinedTimestampColumns(join.joins ?? [], path)];
  });
}

/** A stable name for a set of joins, so that requests joining differently do not share a loader. */
export function joinsKey(joins: JoinedRow[]): string {
  return joins.map((join) => `${join.field}[${fieldsKey(join.fields)}](${joinsKey(join.joins ?? [])})`).join(',');
}

/** The columns of a joined row that its selection reads. */
function joinedColumns(join: JoinedRow): Column[] {
  return neededColumns(join.rows.columns, join.fields);
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
      for (const { expression, name } of joinedColumns(join)) {
        columns.push(`${expression.replace(/\bt\./g, `${alias}.`)} AS "${path}.${name}"`);
      }
      add(join.joins ?? [], alias, path);
    });
  };
  add(joins, 't', '');
  return { columns: columns.map((column) => `, ${column}`).join(''), from: from.join(' ') };
}

const READS_JOINED_ROW = 'readsJoinedRow';

/** Declares a to-one field whose row its parent's statement may read along (a `JoinedRow` of the same name). */
export function ReadsJoinedRow() {
  return Extensions({ [READS_JOINED_ROW]: true });
}

export function isJoinedRowField(field: GraphQLField<any, any>): boolean {
  return field.extensions[READS_JOINED_ROW] === true;
}

/** The key a row read along with its parent sits under on the parent: `@row:<field>`. */
function joinedKey(field: string): string {
  return `@row:${field}`;
}

/** The to-one row of `field` that the parent row's statement read along with it, if it did. */
export function joinedRow<T extends Row>(parent: Row, field: string): T | undefined {
  return parent[joinedKey(field)] as T | undefined;
}

interface JoinReader {
  key: string;
  idColumn: string;
  columns: { name: string; column: string }[];
  joins: JoinReader[];
}

function joinReaders(joins: JoinedRow[], parentPath: string): JoinReader[] {
  return joins.map((join) => {
    const path = parentPath ? `${parentPath}.${join.field}` : join.field;
    return {
      key: joinedKey(join.field),
      idColumn: `${path}.id`,
      columns: joinedColumns(join).map(({ name }) => ({ name, column: `${path}.${name}` })),
      joins: joinReaders(join.joins ?? [], path),
    };
  });
}

/**
 * Reads the joined columns of `rows` into rows of their own, each left on the row it belongs to
 * (`joinedRow`); a join that found nothing yields nothing. The joined columns stay on the listed
 * rows (nothing reads them there), as deleting keys would slow every later read of those objects.
 */
export function takeJoinedRows(rows: Row[], joins: JoinedRow[]): void {
  if (joins.length === 0) return;
  const take = (row: Row, parent: Row, readers: JoinReader[]) => {
    for (const reader of readers) {
      if (row[reader.idColumn] == null) continue;
      const joined: Row = {};
      for (const { name, column } of reader.columns) joined[name] = row[column];
      parent[reader.key] = joined;
      take(row, joined, reader.joins);
    }
  };
  const readers = joinReaders(joins, '');
  for (const row of rows) take(row, row, readers);
}
