// The statistics a bulk ingest keeps current, on PostgreSQL.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectPostgres, type Database } from '../../src/db/client.js';
import { refreshIngestStatistics } from '../../src/db/table-statistics.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

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

async function analysedTables(): Promise<Map<string, boolean>> {
  const [row] = await database.writer.transaction((session) =>
    session.query<{ tables: Record<string, boolean> }>(
      `SELECT json_object_agg("relname", "last_analyze" IS NOT NULL) AS "tables" FROM pg_stat_user_tables WHERE "relname" IN ('Person', 'Topic')`,
      [],
    ),
  );
  return new Map(Object.entries(row!.tables));
}

describe('refreshIngestStatistics', () => {
  it('analyses a table analysed while empty once it has a few pages, before it has changed by half', async () => {
    await database.writer.transaction((session) => session.query('ANALYZE "PersonAlias"', []));
    await database.writer.transaction((session) =>
      session.query(
        `WITH person AS (
           INSERT INTO "Person" ("slug", "name", "createdAt") SELECT 'aliased-' || n, 'Aliased ' || n, now() FROM generate_series(1, 900) n
           RETURNING "id", "name")
         INSERT INTO "PersonAlias" ("personId", "alias", "normalized")
         SELECT "id", "name" || ', also known by a long alias that fills pages', lower("name") || ' alias' FROM person`,
        [],
      ),
    );
    expect(await refreshIngestStatistics(database.writer)).toEqual(['PersonAlias']);
    expect(await refreshIngestStatistics(database.writer)).toEqual([]);
  });

  it('analyses a table an ingest has grown by more than half, once, and leaves the others', async () => {
    // A session of its own, ended before the check: a backend reports its changes to the statistics when its session ends.
    const client = new pg.Client({ connectionString: testDatabase.url });
    await client.connect();
    await client.query(`INSERT INTO "Person" ("slug", "name", "createdAt") SELECT 'person-' || n, 'Person ' || n, now() FROM generate_series(1, 3000) n`);
    await client.end();
    await expect.poll(() => refreshIngestStatistics(database.writer), { timeout: 15_000 }).toEqual(['Person']);
    expect(await analysedTables()).toEqual(new Map([['Person', true], ['Topic', false]]));
    expect(await refreshIngestStatistics(database.writer)).toEqual([]);
  });
});
