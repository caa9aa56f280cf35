// A running API over a fresh, seeded PostgreSQL database, for tests that speak HTTP.
import { loadConfig } from '../../src/config.js';
import { connectPostgres, type Database } from '../../src/db/client.js';
import { seedDatabase } from '../../src/seeds.js';
import { serveApi, type ApiOptions } from '../../src/server.js';
import { createTestDatabase } from './database.js';

export interface GraphQLResponse<Data = any> {
  status: number;
  data?: Data;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[];
  extensions?: Record<string, unknown>;
}

export interface TestApi {
  url: string;
  database: Database;
  /** The test database's connection string (for a second server on it). */
  databaseUrl: string;
  /** Every SQL statement Prisma sent since the last `resetStatements()`. */
  statements: string[];
  resetStatements(): void;
  query<Data = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<Data>>;
  close(): Promise<void>;
}

export async function startTestApi(options: { seed?: boolean; config?: ApiOptions } = {}): Promise<TestApi> {
  const testDatabase = await createTestDatabase();
  const statements: string[] = [];
  const database = connectPostgres(testDatabase.url, { onStatement: (sql) => statements.push(sql) });
  if (options.seed !== false) await seedDatabase(database.writer);
  // Webhook delivery is off unless a test asks for it: its background statements would count in
  // the tests that count a request's statements.
  const webhooks = { ...loadConfig().webhooks, enabled: false };
  const api = await serveApi(database, { host: '127.0.0.1', port: 0, ide: true, introspection: true, webhooks, ...options.config });
  return {
    url: api.url,
    database,
    databaseUrl: testDatabase.url,
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
      await testDatabase.drop();
    },
  };
}
