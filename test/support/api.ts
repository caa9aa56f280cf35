// A running API over a fresh database, for tests that speak HTTP: PostgreSQL (a copy of the seeded
// template unless `seed: false`), or the embedded PGlite database when QUOTEGRAPH_TEST_DATABASE=embedded
// (the `embedded` project of vitest.config.ts).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import { seedDatabase } from '../../src/seeds.js';
import { serveApi, type ApiOptions } from '../../src/server.js';
import { copyEmbeddedTemplate, createTestDatabase } from './database.js';
import { connectPostgres, openEmbedded, type Database } from './prisma.js';

export interface GraphQLResponse<Data = any> {
  status: number;
  data?: Data;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[];
  extensions?: Record<string, unknown>;
}

export interface TestApi {
  url: string;
  database: Database;
  /** The test database's connection string (for a second server on it); empty on the embedded database. */
  databaseUrl: string;
  /** Every SQL statement the server sent (its reader and writer on PostgreSQL, its reader on PGlite) since the last `resetStatements()`; `database.prisma`'s are not counted. */
  statements: string[];
  resetStatements(): void;
  query<Data = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<Data>>;
  close(): Promise<void>;
}

/** Whether the tests run on the embedded database rather than PostgreSQL. */
export const onEmbeddedDatabase = process.env.QUOTEGRAPH_TEST_DATABASE === 'embedded';

/** A fresh, migrated (and seeded unless asked not to) database whose statements are recorded, and how to drop it. */
async function openTestDatabase(statements: string[], seeded: boolean): Promise<{ database: Database; url: string; drop(): Promise<void> }> {
  if (!onEmbeddedDatabase) {
    const testDatabase = await createTestDatabase({ seeded });
    const database = connectPostgres(testDatabase.url, { onStatement: (sql) => statements.push(sql) });
    return { database, url: testDatabase.url, drop: testDatabase.drop };
  }
  const folder = await mkdtemp(path.join(tmpdir(), 'quotegraph-test-'));
  const dataDirectory = path.join(folder, 'pglite');
  await copyEmbeddedTemplate(dataDirectory);
  const embedded = await openEmbedded(dataDirectory);
  if (seeded) await seedDatabase(embedded.writer);
  const reader = embedded.sql;
  // The read statements are what the tests count; the writer's are not.
  const database = Object.assign(Object.create(embedded) as Database, {
    sql: { query: (sql: string, parameters: readonly unknown[]) => (statements.push(sql), reader.query(sql, parameters)) },
  });
  return { database, url: '', drop: () => rm(folder, { recursive: true, force: true }) };
}

export async function startTestApi(options: { seed?: boolean; config?: ApiOptions } = {}): Promise<TestApi> {
  const statements: string[] = [];
  const { database, drop, url } = await openTestDatabase(statements, options.seed !== false);
  // Webhook delivery and outbox pruning are off unless a test asks for them: their background
  // statements would count in the tests that count a request's statements.
  const webhooks = { ...loadConfig().webhooks, enabled: false };
  const api = await serveApi(database, { host: '127.0.0.1', port: 0, ide: true, introspection: true, webhooks, outboxRetentionDays: 0, ...options.config });
  return {
    url: api.url,
    database,
    databaseUrl: url,
    statements,
    resetStatements: () => void statements.splice(0),
    async query(query, variables, headers = {}) {
      const response = await fetch(api.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as object) };
    },
    async close() {
      await api.close();
      await database.close();
      await drop();
    },
  };
}
