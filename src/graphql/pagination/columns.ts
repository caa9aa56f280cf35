// Column lists, as the *.lists.ts files write them (`t."id", t."kind"::text AS "kind"`), parsed once,
// and cut down to what a query selects: a statement reads (and PostgreSQL builds into JSON, and pg
// parses) only the columns some field will read.

export interface Column {
  /** The SQL expression over `t`. */
  expression: string;
  /** The name it is read back under. */
  name: string;
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

const parsed = new Map<string, Column[]>();

/** A column list's columns, parsed once. */
export function parseColumns(columns: string): Column[] {
  let found = parsed.get(columns);
  if (!found) {
    found = splitColumns(columns).map((column) => ({ expression: column.replace(/\s+AS\s+"[^"]+"\s*$/i, ''), name: columnName(column) }));
    parsed.set(columns, found);
  }
  return found;
}

/**
 * The columns some reader of the rows needs: those named like a selected field, the id, the
 * foreign keys (`articleId`, read by the relation resolvers) and `alsoRead` (the ordering, for
 * cursors). With no selection known (`fields` undefined), all of them.
 */
export function neededColumns(columns: string, fields: ReadonlySet<string> | undefined, alsoRead: readonly string[] = []): Column[] {
  const all = parseColumns(columns);
  if (!fields) return all;
  return all.filter(({ name }) => fields.has(name) || name === 'id' || isForeignKey(name) || alsoRead.includes(name));
}

/** Columns named like a foreign key that are not one: read only when their own field is selected. */
const NOT_FOREIGN_KEYS: ReadonlySet<string> = new Set(['externalId']);

function isForeignKey(name: string): boolean {
  return name.endsWith('Id') && !NOT_FOREIGN_KEYS.has(name);
}

/** A column list for a SELECT, from parsed columns. */
export function columnList(columns: Column[]): string {
  return columns.map(({ expression, name }) => (expression === `t."${name}"` ? expression : `${expression} AS "${name}"`)).join(', ');
}

/** A stable name for a selection of fields, for loader keys. */
export function fieldsKey(fields: ReadonlySet<string> | undefined): string {
  return fields ? [...fields].sort().join(' ') : '*';
}
