// A running API over a fresh PostgreSQL database (a copy of the seeded template unless `seed: false`),
// for tests that speak HTTP.
import { serveApi, type ApiOptions } from '../../src/server.js';
import { createTestDatabase } from './database.js';
import { connectPostgres, type Database } from './prisma.js';

export interface GraphQLResponse<Data = any> {
  status: number;
  data?: Data;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[];
  extensions?: Record<string, unknown>;
}

export interface TestApi {
  url: string;
  database: Database;
  /** Every SQL statement the server sent (its reader and writer) since the last `resetStatements()`; `database.prisma`'s are not counted. */
  statements: string[];
  resetStatements(): void;
  query<Data = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<Data>>;
  close(): Promise<void>;
}

export async function startTestApi(options: { seed?: boolean; config?: ApiOptions } = {}): Promise<TestApi> {
  const testDatabase = await createTestDatabase({ seeded: options.seed !== false });
  const statements: string[] = [];
  const database = connectPostgres(testDatabase.url, { onStatement: (sql) => statements.push(sql) });
  const api = await serveApi(database, { host: '127.0.0.1', port: 0, ide: true, introspection: true, ...options.config });
  return {
    url: api.url,
    database,
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
