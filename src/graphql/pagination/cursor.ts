// Opaque cursors for keyset pagination: the ordering values of a row, so a page boundary stays put
// when rows are inserted before it (an offset would shift).
import { GraphQLError } from 'graphql';

export type CursorValue = string | number;

export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, length: number): CursorValue[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(values) &&
      values.length === length &&
      values.every((value) => typeof value === 'string' || typeof value === 'number')
    ) {
      return values as CursorValue[];
    }
  } catch {
    // fall through to the error below
  }
  throw new GraphQLError(`Invalid cursor "${cursor.slice(0, 64)}": use a cursor returned by this list`, {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}
