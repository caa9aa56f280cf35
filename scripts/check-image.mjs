// Checks the production image as far as a machine without a Docker engine can: the Dockerfile's
// runtime stage is multi-stage, non-root, started through an init with exec-form commands and has a
// health check; its dependency step (npm ci --omit=dev) is run in a temporary folder and must install
// no devDependency; then the bundle, migrations and seeds are copied beside those dependencies, as
// the image holds them, and served on a fresh PostgreSQL database with NODE_ENV=production.
// Usage: npm run check:image   (after npm run build; needs PostgreSQL at DATABASE_ADMIN_URL or 127.0.0.1:5432)
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const failures = [];
const check = (ok, message) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${message}`);
  if (!ok) failures.push(message);
};

// 1. The Dockerfile's shape.
const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8').replace(/\\\n/g, ' ');
const stages = dockerfile.split(/^FROM /m).slice(1);
const runtime = stages.at(-1);
check(stages.length >= 2, `multi-stage (${stages.length} stages)`);
const user = /^USER\s+(\S+)/m.exec(runtime)?.[1];
check(user !== undefined && user !== 'root' && user !== '0', `runtime runs as a non-root user (${user ?? 'none'})`);
check(/^HEALTHCHECK .*\/readyz/m.test(runtime), 'runtime has a HEALTHCHECK on /readyz');
check(/^ENTRYPOINT \[".*tini", "--", "node"/m.test(runtime), 'runtime starts Node under tini, in exec form');
check(!/^(CMD|ENTRYPOINT) .*\bsh\b.*-c/m.test(runtime), 'no shell between the init and Node');
const dependencyStage = stages.find((stage) => /npm ci[^\n]*--omit=dev/.test(stage));
check(dependencyStage !== undefined, 'a stage installs production dependencies only (npm ci --omit=dev)');
check(!/^RUN npm ci(?![^\n]*--omit=dev)/m.test(runtime), 'the runtime stage installs nothing else');

// 2. Its dependency step, run here.
const folder = mkdtempSync(path.join(tmpdir(), 'quotegraph-image-'));
let server;
const admin = new pg.Client({ connectionString: process.env.DATABASE_ADMIN_URL || 'postgresql://postgres@127.0.0.1:5432/postgres' });
const databaseName = `quotegraph_image_check_${process.pid}`;
try {
  for (const file of ['package.json', 'package-lock.json']) cpSync(path.join(root, file), path.join(folder, file));
  const started = performance.now();
  execFileSync('npm', ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: folder, stdio: 'ignore' });
  console.log(`     npm ci --omit=dev took ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const modules = path.join(folder, 'node_modules');
  const installed = readdirSync(modules).flatMap((name) =>
    name.startsWith('@') ? readdirSync(path.join(modules, name)).map((inner) => `${name}/${inner}`) : name.startsWith('.') ? [] : [name],
  );
  // Every installed package must be one the production dependencies need (npm's own tree of them);
  // a devDependency may appear only as such (graphiql's components name @types/react as a peer).
  const tree = JSON.parse(execFileSync('npm', ['ls', '--omit=dev', '--all', '--json'], { cwd: folder, maxBuffer: 64 * 2 ** 20 }).toString());
  const needed = new Set();
  const walk = (node) => {
    // A package met again is printed as "deduped", without its dependencies: every node is walked.
    for (const [name, child] of Object.entries(node.dependencies ?? {})) {
      needed.add(name);
      walk(child);
    }
  };
  walk(tree);
  const unneeded = installed.filter((name) => !needed.has(name));
  check(unneeded.length === 0, `every installed package is needed by a production dependency${unneeded.length ? `; not: ${unneeded.join(', ')}` : ''}`);
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const development = Object.keys(manifest.devDependencies ?? {}).filter((name) => installed.includes(name));
  if (development.length > 0) console.log(`     devDependencies present only as what production packages need: ${development.join(', ')}`);
  const heavy = ['postgraphile', 'vitest', 'playwright-core', 'prisma', 'typescript', 'esbuild', 'autocannon'].filter((name) => installed.includes(name));
  check(heavy.length === 0, `no benchmark, test or build tool installed${heavy.length ? `: ${heavy.join(', ')}` : ''}`);
  const size = execFileSync('du', ['-sm', modules]).toString().split('\t')[0];
  console.log(`     node_modules: ${installed.length} packages, ${size} MB`);

  // 3. The runtime stage's files beside them, served as the image would serve them.
  // The program, its chunks and the extraction thread: every dist/*.mjs, as the Dockerfile copies them.
  for (const file of readdirSync(path.join(root, 'dist')).filter((name) => name.endsWith('.mjs'))) {
    cpSync(path.join(root, 'dist', file), path.join(folder, 'dist', file));
  }
  cpSync(path.join(root, 'dist/desk'), path.join(folder, 'dist/desk'), { recursive: true });
  cpSync(path.join(root, 'prisma/migrations'), path.join(folder, 'prisma/migrations'), { recursive: true });
  cpSync(path.join(root, 'seeds'), path.join(folder, 'seeds'), { recursive: true });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${databaseName}`);
  const url = new URL(admin.connectionParameters ? `postgresql://${admin.user}@${admin.host}:${admin.port}/${databaseName}` : '');
  server = spawn(process.execPath, ['dist/quotegraph.mjs', 'serve'], {
    cwd: folder,
    env: { PATH: process.env.PATH, NODE_ENV: 'production', PORT: '0', DATABASE_URL: url.toString(), QUOTEGRAPH_SEED: 'demo', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stderr.on('data', (chunk) => (output += chunk));
  const address = await new Promise((resolve, reject) => {
    server.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /GraphQL API[^:]*: (http\S+)/.exec(output);
      if (match) resolve(match[1]);
    });
    server.once('exit', (code) => reject(new Error(`the server exited with ${code}: ${output}`)));
  });
  const ready = await fetch(new URL('/readyz', address));
  check(ready.status === 200, `/readyz answers 200 (${ready.status})`);
  const answer = await (await fetch(address, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ articles(first: 5) { nodes { title } } }"}' })).json();
  check((answer.data?.articles?.nodes?.length ?? 0) > 0, `serves the demo articles from production dependencies alone (${answer.data?.articles?.nodes?.length ?? 0} articles)`);
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  check((await exited) === 0, 'exits 0 on SIGTERM');
} finally {
  if (server && server.exitCode === null) server.kill('SIGKILL');
  await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`).catch(() => undefined);
  await admin.end().catch(() => undefined);
  rmSync(folder, { recursive: true, force: true });
}
if (failures.length > 0) {
  console.error(`${failures.length} check(s) failed`);
  process.exit(1);
}
console.log('the image checks pass');
