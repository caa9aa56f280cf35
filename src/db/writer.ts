// Write transactions in plain SQL: "run this function in one transaction, with query(sql, params)".
// Every write goes through it (the ingest, editorial changes, API keys), not through Prisma's
// interactive transactions, which cost about as much again as the statements they run. Two
// implementations: a client of the shared pg pool between BEGIN and COMMIT on PostgreSQL, PGlite's
// own transaction on the embedded database.
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { deallocateOldest, runStatement, type StatementOptions } from './prepared-statements.js';

/** Statements inside one transaction. */
export interface SqlSession {
  query<Row>(sql: string, parameters: readonly unknown[]): Promise<Row[]>;
}

export interface SqlWriter {
  /** Runs `work` in one transaction: committed if it resolves, rolled back (and rethrown) if it throws. */
  transaction<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
}

/**
 * Transactions on a client of `pool`. Each statement text becomes a named prepared statement on
 * each connection the first time it runs there, so PostgreSQL parses and plans it once; the
 * store's texts are a handful (unless prepared statements are off). Statements beyond the
 * connection's bound are deallocated before BEGIN, never inside the transaction.
 */
export function poolWriter(pool: pg.Pool, { onStatement, preparedStatements = true }: StatementOptions = {}): SqlWriter {
  return {
    async transaction(work) {
      const client = await pool.connect();
      // A client whose connection died or whose ROLLBACK failed is in an unknown state: the pool
      // must close it, not reuse it.
      let broken: Error | undefined;
      // While checked out the client has no listener of the pool's: when its connection dies (the
      // database restarts), pg emits 'error' on it, and an 'error' nobody listens to ends the process.
      const onConnectionError = (error: Error) => (broken = error);
      client.on('error', onConnectionError);
      let begun = false;
      try {
        await deallocateOldest(client);
        await client.query('BEGIN');
        begun = true;
        const result = await work({
          async query<Row>(sql: string, parameters: readonly unknown[]): Promise<Row[]> {
            onStatement?.(sql);
            return (await runStatement(client, sql, parameters, preparedStatements)).rows as Row[];
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        if (!begun || isUnanswered(error)) {
          // Failing before BEGIN, the connection is suspect and there is nothing to roll back; a
          // server that never answered would make a ROLLBACK wait as long again. Closing the
          // connection rolls the transaction back.
          broken = error instanceof Error ? error : new Error(String(error));
          throw error;
        }
        await client.query('ROLLBACK').catch((rollbackError: unknown) => {
          broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        });
        throw error;
      } finally {
        client.removeListener('error', onConnectionError);
        client.release(broken);
      }
    },
  };
}

/** pg's query_timeout fired: the statement may still be running, or the server is frozen. */
function isUnanswered(error: unknown): boolean {
  return error instanceof Error && error.message === 'Query read timeout';
}

/** Transactions on the embedded database: PGlite has one session and its own transaction lock. */
export function pgliteWriter(pglite: PGlite): SqlWriter {
  return {
    transaction: (work) =>
      pglite.transaction((transaction) =>
        work({
          query: async <Row>(sql: string, parameters: readonly unknown[]) =>
            (await transaction.query<Row>(sql, parameters as unknown[])).rows,
        }),
      ),
  };
}

/**
 * A date as the text of a `timestamp without time zone` holding UTC, which is how Prisma stores
 * DateTime and how the read path parses it back. (A Date parameter would reach pg as local time.)
 */
export function utcTimestamp(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}
