// What every resolver receives: the database, this request's batch loaders and who is calling.
import { authenticate, type Viewer } from '../auth/api-keys.js';
import type { Database } from '../db/client.js';
import type { SqlReader } from '../db/sql.js';
import type { SqlWriter } from '../db/writer.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { Loaders } from './loaders.js';

export interface Context {
  /** For key lookups. */
  prisma: PrismaClient;
  /** For the read statements of lists and lookups. */
  sql: SqlReader;
  /** For writes: the ingest's transaction. */
  writer: SqlWriter;
  loaders: Loaders;
  requestId: string;
  /** The caller's key, looked up once and only when a resolver asks (reads are public). */
  viewer(): Promise<Viewer | null | 'invalid'>;
}

export function createContext(database: Pick<Database, 'prisma' | 'sql' | 'writer'>, requestId: string, authorization?: string): Context {
  let viewer: Promise<Viewer | null | 'invalid'> | undefined;
  return {
    prisma: database.prisma,
    sql: database.sql,
    writer: database.writer,
    loaders: new Loaders(database.sql),
    requestId,
    viewer: () => (viewer ??= authenticate(database.prisma, authorization)),
  };
}
