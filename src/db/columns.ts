// Column lists as typed data: each column's name (what it is read back as, and the GraphQL field
// that reads it), its SQL type, and its SQL over a table alias. Statements are written from them
// (`columnList`), so nothing is ever parsed back out of SQL text.

/** The SQL types the read statements deal in; timestamps are the ones rows read as JSON must restore. */
export type ColumnType = 'int' | 'float8' | 'text' | 'boolean' | 'timestamp' | 'json' | 'text[]';

export interface Column {
  /** The name the column is read back under. */
  name: string;
  type: ColumnType;
  /** The column's SQL over the table aliased `table` (`t."title"`). */
  expression(table: string): string;
  /** Read whenever its row is, whatever a query selects: the id, and the keys relations follow. */
  alwaysRead: boolean;
}

/** How a column is declared: its type (a column of the same name), or its type and SQL. */
export type ColumnDeclaration = ColumnType | { type: ColumnType; sql?: (table: string) => string; alwaysRead?: boolean };

/** A row's id or a foreign key (an integer column read whenever its row is). */
export const KEY: ColumnDeclaration = { type: 'int', alwaysRead: true };

/** Columns from their declarations, in declaration order (the order they are selected in). */
export function columns(declarations: Record<string, ColumnDeclaration>): Column[] {
  return Object.entries(declarations).map(([name, declaration]) => {
    const { type, sql, alwaysRead = false } = typeof declaration === 'string' ? { type: declaration } : declaration;
    return { name, type, alwaysRead, expression: sql ?? ((table: string) => `${table}."${name}"`) };
  });
}

/** The column named `name` of `list`; a missing one is a mistake in a declaration, found at load time. */
export function columnNamed(list: readonly Column[], name: string): Column {
  const found = list.find((column) => column.name === name);
  if (!found) throw new Error(`No column "${name}" among ${list.map((column) => column.name).join(', ')}`);
  return found;
}

/** A SELECT's column list over `table`: a column read under its own name needs no AS. */
export function columnList(list: readonly Column[], table = 't'): string {
  return list
    .map((column) => {
      const expression = column.expression(table);
      return expression === `${table}."${column.name}"` ? expression : `${expression} AS "${column.name}"`;
    })
    .join(', ');
}
