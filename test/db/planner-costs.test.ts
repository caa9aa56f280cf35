// The server's sessions plan for tables in memory (random_page_cost 1.1, src/db/client.ts), unless
// the database's operator chose a value of their own.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectPostgres } from '../../src/db/client.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let testDatabase: TestDatabase;
beforeAll(async () => {
  testDatabase = await createTestDatabase();
});
afterAll(async () => {
  await testDatabase?.drop();
});

async function randomPageCost(): Promise<string> {
  const database = connectPostgres(testDatabase.url);
  try {
    const [row] = await database.sql.query<{ cost: string }>(`SELECT current_setting('random_page_cost') AS cost`, []);
    return row!.cost;
  } finally {
    await database.close();
  }
}

describe('planner costs', () => {
  it('replace the default cost of a page read out of order, and keep an operator\'s own', async () => {
    expect(await randomPageCost()).toBe('1.1');
    const operator = new pg.Client(testDatabase.url);
    await operator.connect();
    await operator.query(`ALTER DATABASE "${new URL(testDatabase.url).pathname.slice(1)}" SET random_page_cost = 2`);
    await operator.end();
    expect(await randomPageCost()).toBe('2');
  });

  it("leave the search function's statements planned at PostgreSQL's default", async () => {
    const database = connectPostgres(testDatabase.url);
    try {
      const [row] = await database.sql.query<{ config: string[] | null }>(
        `SELECT proconfig AS config FROM pg_proc WHERE proname = 'quotegraph_search'`,
        [],
      );
      expect(row?.config).toEqual(['random_page_cost=4']);
    } finally {
      await database.close();
    }
  });
});
