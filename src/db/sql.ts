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

/**
 * Reads through `pool`. Each distinct statement text becomes a named prepared statement on each
 * connection the first time it runs there; the texts are few (one per list, relation and filter
 * combination), so the set stays small.
 */
export function poolReader(pool: pg.Pool, onStatement?: (sql: string) => void): SqlReader {
  const names = new Map<string, string>();
  const nameOf = (sql: string): string => {
    let name = names.get(sql);
    if (!name) {
      name = `qg_${createHash('sha1').update(sql).digest('base64url').slice(0, 20)}`;
      names.set(sql, name);
    }
    return name;
  };
  return {
    async query<Row>(sql: string, parameters: readonly unknown[]): Promise<Row[]> {
      onStatement?.(sql);
      const result = await pool.query({ name: nameOf(sql), text: sql, values: parameters as unknown[] });
      return result.rows as Row[];
    },
  };
}
