// `npm run db:migrate:create -- --name NAME`: writes the next folder of prisma/migrations from the
// changes in prisma/schema.prisma, offline. It needs a PostgreSQL server to replay the migrations
// on a scratch database: DATABASE_ADMIN_URL, by default the local server.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadDatabaseAdminUrl } from '../config.js';
import { createMigration } from './migration-diff.js';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { name: { type: 'string' } } });
  if (!values.name) {
    console.error('usage: npm run db:migrate:create -- --name NAME');
    return 2;
  }
  const folder = await createMigration({
    name: values.name,
    serverUrl: loadDatabaseAdminUrl(),
  });
  if (folder === null) {
    console.error('no changes: prisma/migrations already matches prisma/schema.prisma');
    return 1;
  }
  console.log(`created ${path.relative(process.cwd(), path.join(folder, 'migration.sql'))}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`db:migrate:create failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
