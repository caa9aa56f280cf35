// Read statements for the GraphQL layer: "run this SQL with these parameters, give me the rows".
// On PostgreSQL they go straight to a pg pool as named prepared statements, which costs several
// times less than Prisma's raw queries (the adapter converts every value twice) and lets
// PostgreSQL keep each statement's plan; anywhere else (the embedded PGlite database, a client a
// test built by hand) they go through Prisma. `Database.sql` (src/db/client.ts) is the reader to use.
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { PrismaClient } from '../generated/prisma/client.js';

export interface SqlReader {
  query<Row>(sql: string, parameters: readonly unknown[]): Promise<Row[]>;
}

/** `text` as a LIKE pattern that matches it literally: its `%`, `_` and `\` escaped (LIKE's escape is `\`). */
export function literalLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}

/** Reads through Prisma's raw queries: for the embedded PGlite database, which has no pg pool. */
export function prismaReader(prisma: PrismaClient): SqlReader {
  return { query: (sql, parameters) => prisma.$queryRawUnsafe(sql, ...parameters) };
}

const TIMESTAMP = 1114;

/** Columns are `timestamp without time zone` holding UTC (as Prisma writes them); pg would read them as local time. */
export const utcTimestampTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === TIMESTAMP) return (value: string) => new Date(`${value.replace(' ', 'T')}Z`);
    return pg.types.getTypeParser(oid, format ?? 'text');
  },
};

/** Distinct statement texts prepared per process; past it, new texts run unprepared. */
const MAX_PREPARED_STATEMENTS = 2_000;

/**
 * Names for prepared statements, one per distinct statement text, so that PostgreSQL parses and
 * plans each once per connection. Read statements follow the shape of each query (its selected
 * columns, nested pages and page sizes), so their texts are as many as the shapes clients send:
 * past MAX_PREPARED_STATEMENTS, a new text runs unnamed (planned each time) rather than let every
 * connection's prepared statements grow without end.
 */
export function preparedStatementNames(prefix: string): (sql: string) => string | undefined {
  const names = new Map<string, string>();
  return (sql) => {
    let name = names.get(sql);
    if (!name && names.size < MAX_PREPARED_STATEMENTS) {
      name = `${prefix}${createHash('sha1').update(sql).digest('base64url').slice(0, 20)}`;
      names.set(sql, name);
    }
    return name;
  };
}

/** Reads through `pool`, each statement text prepared once per connection (`preparedStatementNames`). */
export function poolReader(pool: pg.Pool, onStatement?: (sql: string) => void): SqlReader {
  const nameOf = preparedStatementNames('qg_');
  return {
    async query<Row>(sql: string, parameters: readonly unknown[]): Promise<Row[]> {
      onStatement?.(sql);
      const result = await pool.query({ name: nameOf(sql), text: sql, values: parameters as unknown[] });
      return result.rows as Row[];
    },
  };
}
