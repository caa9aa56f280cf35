// Read statements: "run this SQL with these parameters, give me the rows". On PostgreSQL they go
// straight to a pg pool as named prepared statements, which lets PostgreSQL keep each statement's
// plan (a bounded number per connection); on the embedded database they go to PGlite. Writes take
// the same two roads (src/db/writer.ts). `Database.sql` (src/db/client.ts) is the reader to use.
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { deallocateOldest, runStatement, type StatementOptions } from './prepared-statements.js';

export interface SqlReader {
  query<Row>(sql: string, parameters: readonly unknown[]): Promise<Row[]>;
}

/** `text` as a LIKE pattern that matches it literally: its `%`, `_` and `\` escaped (LIKE's escape is `\`). */
export function literalLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}

/** Reads on the embedded database, opened with `utcTimestampParsers` so timestamps read as pg reads them. */
export function pgliteReader(pglite: PGlite): SqlReader {
  return { query: async <Row>(sql: string, parameters: readonly unknown[]) => (await pglite.query<Row>(sql, parameters as unknown[])).rows };
}

const TIMESTAMP = 1114;

/** A `timestamp without time zone` holding UTC (as the schema keeps every time) as a Date. */
function utcTimestamp(value: string): Date {
  return new Date(`${value.replace(' ', 'T')}Z`);
}

/** For pg, which would read such a timestamp as local time. */
export const utcTimestampTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === TIMESTAMP) return utcTimestamp;
    return pg.types.getTypeParser(oid, format ?? 'text');
  },
};

/** The same for PGlite, which would too. */
export const utcTimestampParsers = { [TIMESTAMP]: utcTimestamp };

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
