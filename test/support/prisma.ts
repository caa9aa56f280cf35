// Databases opened as the server opens them, with Prisma's typed client beside them for tests that
// check what was stored. The server itself never loads Prisma's client: it reads and writes through
// `sql` and `writer` only. The client is made on first use and has connections of its own, so the
// statements a test counts (`onStatement`) are the server's alone.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import * as client from '../../src/db/client.js';
import { PrismaClient } from '../../src/generated/prisma/client.js';

export type { PrismaClient } from '../../src/generated/prisma/client.js';

export type Database = client.Database & { readonly prisma: PrismaClient };
export type EmbeddedDatabase = client.EmbeddedDatabase & { readonly prisma: PrismaClient };

function withPrisma<Opened extends client.Database>(database: Opened, open: () => PrismaClient): Opened & { readonly prisma: PrismaClient } {
  let prisma: PrismaClient | undefined;
  return {
    ...database,
    get prisma() {
      return (prisma ??= open());
    },
    async close() {
      await prisma?.$disconnect();
      await database.close();
    },
  };
}

export function connectPostgres(connectionString: string, options?: client.ConnectOptions): Database {
  return withPrisma(client.connectPostgres(connectionString, options), () => new PrismaClient({ adapter: new PrismaPg({ connectionString }) }));
}

export async function openEmbedded(...args: Parameters<typeof client.openEmbedded>): Promise<EmbeddedDatabase> {
  const database = await client.openEmbedded(...args);
  return withPrisma(database, () => new PrismaClient({ adapter: new PrismaPGlite(database.pglite) }));
}
