// Opaque cursors for keyset pagination: the ordering values of a row, so a page boundary stays put
// when rows are inserted before it (an offset would shift). Each carries its list's tag, so that a
// cursor from one list (quotes, ordered by date) is refused by another with the same column types
// (articles) instead of silently paging from a position in a different list.
import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';

export type CursorValue = string | number;

export function encodeCursor(list: string, values: CursorValue[]): string {
  return Buffer.from(JSON.stringify([list, ...values])).toString('base64url');
}

/** The SQL type of one ordering column, which a cursor's value must fit. */
export type CursorColumnType = 'timestamp' | 'int' | 'text' | 'float8';

const INT4_MAX = 2_147_483_647;

/** Whether `value` can stand for a column of `type` without PostgreSQL refusing it. */
function fits(value: unknown, type: CursorColumnType): boolean {
  switch (type) {
    case 'int':
      return Number.isInteger(value) && Math.abs(value as number) <= INT4_MAX;
    case 'float8':
      return typeof value === 'number' && Number.isFinite(value);
    case 'text':
      return typeof value === 'string' && !value.includes('\u0000');
    case 'timestamp': {
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/.test(value)) return false;
      return !Number.isNaN(Date.parse(value));
    }
  }
}

/**
 * The ordering values in `cursor`, checked to be of `list` and against the list's column types;
 * BAD_USER_INPUT for anything else.
 */
export function decodeCursor(cursor: string, list: string, types: readonly CursorColumnType[]): CursorValue[] {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(decoded) || decoded[0] !== list) throw new Error('another list');
    const values = decoded.slice(1);
    if (values.length === types.length && values.every((value, index) => fits(value, types[index]!))) {
      return values as CursorValue[];
    }
  } catch {
    // fall through to the error below
  }
  throw new GraphQLError(`Invalid cursor "${cursor.slice(0, 64)}": use a cursor returned by this list (a cursor of another list is refused)`, {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

/**
 * A short tag naming a list by what its cursors mean: the table it lists and its ordering. Lists
 * that differ only by a filter (one person's quotes, every quote) share it, since a position in one
 * is a position in the other.
 */
export function listTag(table: string, order: readonly { name: string }[], direction: string): string {
  const tag = `${table}:${order.map(({ name }) => name).join(',')}:${direction}`;
  return createHash('sha256').update(tag).digest('base64url').slice(0, 6);
}
