// Configuration for the standard Prisma CLI (`prisma generate`, and `prisma migrate deploy` where the
// machine can download Prisma's schema engine). Prisma 7 does not read .env by itself.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: {
    url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/quotegraph',
  },
});
