// What every resolver receives: the database, this request's batch loaders and who is calling.
import { authenticate, type Viewer } from '../auth/api-keys.js';
import type { Database } from '../db/client.js';
import type { SqlReader } from '../db/sql.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { Loaders } from './loaders.js';

export interface Context {
  /** For writes (the ingest) and key lookups. */
  prisma: PrismaClient;
  /** For the read statements of lists and lookups. */
  sql: SqlReader;
  loaders: Loaders;
  requestId: string;
  /** The caller's key, looked up once and only when a resolver asks (reads are public). */
  viewer(): Promise<Viewer | null | 'invalid'>;
}

export function createContext(database: Pick<Database, 'prisma' | 'sql'>, requestId: string, authorization?: string): Context {
  let viewer: Promise<Viewer | null | 'invalid'> | undefined;
  return {
    prisma: database.prisma,
    sql: database.sql,
    loaders: new Loaders(database.sql),
    requestId,
    viewer: () => (viewer ??= authenticate(database.prisma, authorization)),
  };
}
