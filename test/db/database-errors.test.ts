// The errors a real database throws through the reader and the writer are recognised as an outage or a timeout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectPostgres, type Database } from '../../src/db/client.js';
import { classifyDatabaseError } from '../../src/db/database-errors.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let testDatabase: TestDatabase;
beforeAll(async () => {
  testDatabase = await createTestDatabase();
});
afterAll(() => testDatabase?.drop());

async function failureOf(database: Database, sql: string): Promise<unknown> {
  try {
    await database.sql.query(sql, []);
  } catch (error) {
    return error;
  } finally {
    await database.close();
  }
  throw new Error(`"${sql}" did not fail`);
}

describe('classifyDatabaseError', () => {
  it('sees a statement stopped by statement_timeout as a timeout', async () => {
    const error = await failureOf(connectPostgres(testDatabase.url, { statementTimeout: 50 }), 'SELECT pg_sleep(1)');
    expect(classifyDatabaseError(error)).toBe('timeout');
  });

  it('sees a refused connection as the database being unavailable', async () => {
    const error = await failureOf(connectPostgres('postgresql://postgres@127.0.0.1:1/none'), 'SELECT 1');
    expect(classifyDatabaseError(error)).toBe('unavailable');
  });

  it('sees a refused connection as the database being unavailable when writing too', async () => {
    const database = connectPostgres('postgresql://postgres@127.0.0.1:1/none');
    const error = await database.writer.transaction((session) => session.query('SELECT 1', [])).then(
      () => new Error('the write did not fail'),
      (failure: unknown) => failure,
    );
    await database.close();
    expect(classifyDatabaseError(error)).toBe('unavailable');
  });

  it('leaves other database errors alone', async () => {
    const error = await failureOf(connectPostgres(testDatabase.url), 'SELECT * FROM "NoSuchTable"');
    expect(classifyDatabaseError(error)).toBeNull();
    expect(classifyDatabaseError(new Error('something else'))).toBeNull();
  });
});
