// Named prepared statements on PostgreSQL, a bounded number per connection. A prepared statement
// lets PostgreSQL parse and plan a text once per connection, but its backend keeps the parse tree
// and plans in memory until the connection closes, and read statements follow the shape of each
// query (its fields, nested pages and page sizes): their number is the clients' to grow (2,000
// shapes left some 700 MiB in 10 backends). So each connection keeps the texts it ran most
// recently, and deallocates the oldest beyond MAX_PREPARED_PER_CONNECTION.
import type pg from 'pg';

/** Statements prepared on one connection at most (one more may be added before the next trim). */
export const MAX_PREPARED_PER_CONNECTION = 200;

interface Prepared {
  /** Statement text to its name on this connection, least recently used first. */
  names: Map<string, string>;
  /** Names ever given on this connection: a name is never reused, so pg never confuses two texts. */
  given: number;
}

const preparedOn = new WeakMap<pg.ClientBase, Prepared>();

/**
 * pg's own record of the statements it prepared on a connection: it sends a text to be parsed only
 * when its name is missing there, so a deallocated name must go from it too (or it would grow with
 * every text ever run). pg has no public way to forget a statement.
 */
function parsedStatements(client: pg.ClientBase): Record<string, string> {
  return (client as unknown as { connection: { parsedStatements: Record<string, string> } }).connection.parsedStatements;
}

/** How a pool's reader and writer send their statements. */
export interface StatementOptions {
  /** Called with every SQL statement sent (tests count statements per request with it). */
  onStatement?: (sql: string) => void;
  /**
   * Named prepared statements (the default), or unnamed ones, parsed and planned on every run: for
   * a pooler in transaction mode that cannot follow a name from one server connection to another.
   */
  preparedStatements?: boolean;
}

/** Runs `sql` on `client`: as a named prepared statement when `prepared`, else as an unnamed one. */
export function runStatement(client: pg.ClientBase, sql: string, values: readonly unknown[], prepared: boolean): Promise<pg.QueryResult> {
  return prepared ? queryPrepared(client, sql, values) : client.query(sql, values as unknown[]);
}

/** Runs `sql` on `client` as a named prepared statement, parsed and planned once while it stays among the recent. */
export function queryPrepared(client: pg.ClientBase, sql: string, values: readonly unknown[]): Promise<pg.QueryResult> {
  let prepared = preparedOn.get(client);
  if (!prepared) preparedOn.set(client, (prepared = { names: new Map(), given: 0 }));
  let name = prepared.names.get(sql);
  if (name === undefined) name = `qg_${++prepared.given}`;
  else prepared.names.delete(sql);
  prepared.names.set(sql, name);
  return client.query({ name, text: sql, values: values as unknown[] });
}

/**
 * Deallocates the least recently used statements beyond the bound, in one round trip. Call it
 * outside a transaction (a failed transaction refuses every statement until it ends); if it
 * fails, close the connection.
 */
export async function deallocateOldest(client: pg.ClientBase): Promise<void> {
  const prepared = preparedOn.get(client);
  if (!prepared || prepared.names.size <= MAX_PREPARED_PER_CONNECTION) return;
  const parsed = parsedStatements(client);
  const evicted: string[] = [];
  for (const [sql, name] of prepared.names) {
    if (prepared.names.size <= MAX_PREPARED_PER_CONNECTION) break;
    prepared.names.delete(sql);
    // A text that failed to parse was never prepared: nothing to deallocate.
    if (parsed[name] !== undefined) evicted.push(name);
  }
  if (evicted.length === 0) return;
  await client.query(evicted.map((name) => `DEALLOCATE ${name}`).join('; '));
  for (const name of evicted) delete parsed[name];
}
