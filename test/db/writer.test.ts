// The writer's transactions on PostgreSQL when the connection under them dies.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectPostgres, type Database } from '../../src/db/client.js';
import { createTestDatabase, databaseAdminUrl, type TestDatabase } from '../support/database.js';

let testDatabase: TestDatabase;
let database: Database;
beforeAll(async () => {
  testDatabase = await createTestDatabase();
  database = connectPostgres(testDatabase.url);
});
afterAll(async () => {
  await database?.close();
  await testDatabase?.drop();
});

async function terminateBackend(pid: number): Promise<void> {
  const admin = new pg.Client({ connectionString: databaseAdminUrl });
  await admin.connect();
  try {
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
  } finally {
    await admin.end();
  }
}

describe('a write transaction whose connection dies between statements', () => {
  // pg emits 'error' on a client whose connection ends; on a checked-out client with no listener
  // that was an uncaught exception (vitest reports it and fails the run).
  it('fails with the connection error, does not crash the process, and the next transaction runs', async () => {
    const transaction = database.writer.transaction(async (session) => {
      const [backend] = await session.query<{ pid: number }>('SELECT pg_backend_pid() AS pid', []);
      await terminateBackend(backend!.pid);
      // Idle between statements while the connection goes away.
      await new Promise((resolve) => setTimeout(resolve, 500));
      await session.query('SELECT 1', []);
    });
    await expect(transaction).rejects.toThrow(/terminat|not queryable/i);
    const [row] = await database.writer.transaction((session) => session.query<{ one: number }>('SELECT 1 AS one', []));
    expect(row!.one).toBe(1);
  });
});
