// Prepared statements stay bounded on every connection, whether the reader or the writer runs
// them, however many distinct texts clients make it run; evicted texts still run.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PREPARED_PER_CONNECTION } from '../../src/db/prepared-statements.js';
import { poolReader, type SqlReader } from '../../src/db/sql.js';
import { poolWriter, type SqlWriter } from '../../src/db/writer.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let testDatabase: TestDatabase;
let pool: pg.Pool;
let reader: SqlReader;
let writer: SqlWriter;
beforeAll(async () => {
  testDatabase = await createTestDatabase();
  // One connection: everything below runs on it.
  pool = new pg.Pool({ connectionString: testDatabase.url, max: 1 });
  reader = poolReader(pool);
  writer = poolWriter(pool);
});
afterAll(async () => {
  await pool?.end();
  await testDatabase?.drop();
});

/** A statement text of its own for each `index`, as a query shape makes. */
const distinct = (index: number) => `SELECT $1::int + ${index} AS n`;

async function preparedOnConnection(): Promise<number> {
  const [row] = await reader.query<{ count: number }>('SELECT count(*)::int AS count FROM pg_prepared_statements', []);
  return row!.count;
}

/** What pg itself remembers as prepared on the connection (it must not grow without end either). */
async function rememberedByPg(): Promise<number> {
  const client = await pool.connect();
  try {
    return Object.keys((client as unknown as { connection: { parsedStatements: object } }).connection.parsedStatements).length;
  } finally {
    client.release();
  }
}

describe('prepared statements per connection', () => {
  it('stay bounded when the reader runs many distinct texts, and an evicted text runs again', async () => {
    for (let index = 0; index < MAX_PREPARED_PER_CONNECTION * 3; index++) {
      const [row] = await reader.query<{ n: number }>(distinct(index), [1]);
      expect(row!.n).toBe(index + 1);
    }
    expect(await preparedOnConnection()).toBeLessThanOrEqual(MAX_PREPARED_PER_CONNECTION + 1);
    expect(await rememberedByPg()).toBeLessThanOrEqual(MAX_PREPARED_PER_CONNECTION + 1);
    const [again] = await reader.query<{ n: number }>(distinct(0), [41]);
    expect(again!.n).toBe(41);
  });

  it('stay bounded when write transactions add theirs, deallocating outside any transaction', async () => {
    await writer.transaction(async (session) => {
      for (let index = 0; index < MAX_PREPARED_PER_CONNECTION; index++) await session.query(`SELECT $1::int - ${index} AS n`, [1]);
    });
    const [row] = await writer.transaction((session) => session.query<{ n: number }>(distinct(7), [1]));
    expect(row!.n).toBe(8);
    expect(await preparedOnConnection()).toBeLessThanOrEqual(MAX_PREPARED_PER_CONNECTION + 1);
  });

  it('keep working after texts that PostgreSQL refused to prepare', async () => {
    for (let index = 0; index < 5; index++) {
      await expect(reader.query(`SELECT no_such_column_${index}`, [])).rejects.toThrow(/does not exist/);
    }
    for (let index = 0; index < MAX_PREPARED_PER_CONNECTION + 10; index++) await reader.query(`SELECT $1::int * ${index} AS n`, [2]);
    expect(await preparedOnConnection()).toBeLessThanOrEqual(MAX_PREPARED_PER_CONNECTION + 1);
  });
});
