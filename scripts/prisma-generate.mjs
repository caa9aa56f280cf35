// Runs `prisma generate` after install. Generating the client needs no schema engine, but the
// Prisma 7 CLI tries to download one first, which fails on machines without internet; pointing
// PRISMA_SCHEMA_ENGINE_BINARY at a no-op skips that download for this command only.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const prismaPackage = require.resolve('prisma/package.json');
const prismaCli = path.join(path.dirname(prismaPackage), require(prismaPackage).bin.prisma);
const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY && process.platform !== 'win32') {
  env.PRISMA_SCHEMA_ENGINE_BINARY = '/bin/true';
}
const result = spawnSync(process.execPath, [prismaCli, 'generate'], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
