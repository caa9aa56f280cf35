// Read statements for the GraphQL layer: "run this SQL with these parameters, give me the rows".
// On PostgreSQL they go straight to a pg pool as named prepared statements, which costs several
// times less than Prisma's raw queries (the adapter converts every value twice) and lets
// PostgreSQL keep each statement's plan (a bounded number per connection); anywhere else (the embedded PGlite database, a client a
// test built by hand) they go through Prisma. `Database.sql` (src/db/client.ts) is the reader to use.
import pg from 'pg';
import type { PrismaClient } from '../generated/prisma/client.js';
import { deallocateOldest, runStatement, type StatementOptions } from './prepared-statements.js';

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

/**
 * Reads through `pool`, each statement text prepared once per connection while it stays among the
 * connection's recent ones (src/db/prepared-statements.ts), unless prepared statements are off.
 */
export function poolReader(pool: pg.Pool, { onStatement, preparedStatements = true }: StatementOptions = {}): SqlReader {
  return {
    async query<Row>(sql: string, parameters: readonly unknown[]): Promise<Row[]> {
      onStatement?.(sql);
      const client = await pool.connect();
      // Set when the connection must be closed rather than reused: it died, it never answered,
      // or a deallocation failed. A statement PostgreSQL refused leaves the connection sound.
      let broken: Error | undefined;
      const onConnectionError = (error: Error) => (broken = error);
      client.on('error', onConnectionError);
      try {
        await deallocateOldest(client);
        return (await runStatement(client, sql, parameters, preparedStatements)).rows as Row[];
      } catch (error) {
        if (!(error instanceof pg.DatabaseError)) broken = error instanceof Error ? error : new Error(String(error));
        throw error;
      } finally {
        client.removeListener('error', onConnectionError);
        client.release(broken);
      }
    },
  };
}
