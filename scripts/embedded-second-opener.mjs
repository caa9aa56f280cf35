// Issue 10, item 5: what happens when a CLI command opens the embedded database a running server holds.
// Creates an editor key and starts the built server on a fresh data folder, then, while the server
// takes ingestArticle mutations (before, during and WRITES after), runs `keys:create` and `ingest` (WRITES files) on the same
// folder. Then it stops the server, starts it again and counts which acknowledged writes survived.
// Usage: npm run --silent build && node scripts/embedded-second-opener.mjs [--writes 40]
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const cli = path.join(root, 'dist/quotegraph.mjs');
const writesIndex = process.argv.indexOf('--writes');
const WRITES = writesIndex > 0 ? Number(process.argv[writesIndex + 1]) : 40;

const folder = await mkdtemp(path.join(tmpdir(), 'quotegraph-second-opener-'));
const dataDirectory = path.join(folder, 'pglite');
const { DATABASE_URL: _ignored, ...inherited } = process.env;
const environment = { ...inherited, QUOTEGRAPH_DATA_DIR: dataDirectory, PORT: '0', LOG_LEVEL: 'warn' };

async function quotegraph(args) {
  const started = performance.now();
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [cli, ...args], { env: environment, maxBuffer: 50_000_000 });
    return { code: 0, stdout, stderr, ms: performance.now() - started };
  } catch (error) {
    return { code: error.code, stdout: error.stdout, stderr: error.stderr, ms: performance.now() - started };
  }
}

function startServer() {
  const child = spawn(process.execPath, [cli, 'serve'], { env: environment, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  const url = new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /GraphQL API[^:]*: (http\S+)/.exec(output);
      if (match) resolve(match[1]);
    });
    void exited.then((code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  return { child, url, exited, output: () => output };
}

async function graphql(url, query, variables, key) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

const article = (kind, n) =>
  `${kind} council vote number ${n} approves a new park\n\nBy Jane Doe, Reuters\n\nThe council approved plan ${kind}-${n} on Monday. "This is a good day for the city," Mayor Anna Berg said.\n`;

const created = await quotegraph(['keys:create', '--name', 'editor']);
if (created.code !== 0) throw new Error(`keys:create before the server failed: ${created.stderr}`);
const editorKey = created.stdout.trim();

const server = startServer();
const url = await server.url;
console.log(`server up on ${dataDirectory}`);

for (let n = 0; n < WRITES; n++) await writeFile(path.join(folder, `cli-${n}.txt`), article('cli', n));
const acknowledged = [];
let attempted = 0;
let cliDone = false;
// The server writes before, during and after the CLI commands: WRITES more once they have finished.
const mutations = (async () => {
  for (let n = 0, after = 0; !cliDone || after++ < WRITES; n++) {
    attempted++;
    const body = await graphql(url, 'mutation ($text: String!) { ingestArticle(text: $text) { created article { slug } } }', { text: article('api', n) }, editorKey);
    if (body.data?.ingestArticle) acknowledged.push(body.data.ingestArticle.article.slug);
  }
})();
const keyWhileServing = await quotegraph(['keys:create', '--name', 'while-serving']);
const ingestWhileServing = await quotegraph(['ingest', ...Array.from({ length: WRITES }, (_, n) => path.join(folder, `cli-${n}.txt`))]);
cliDone = true;
await mutations;

console.log(`keys:create while serving: exit ${keyWhileServing.code} after ${keyWhileServing.ms.toFixed(0)} ms; stderr: ${keyWhileServing.stderr.trim()}`);
if (keyWhileServing.code === 0) {
  const body = await graphql(url, 'mutation ($text: String!) { ingestArticle(text: $text) { created } }', { text: article('key', 0) }, keyWhileServing.stdout.trim());
  console.log(`  the running server, given that key: ${body.errors ? body.errors[0].extensions?.code : 'accepted'}`);
}
const cliAcknowledged = ingestWhileServing.stdout.split('\n').filter((line) => / stored as /.test(line)).map((line) => line.replace(/.* stored as /, ''));
console.log(`ingest while serving: exit ${ingestWhileServing.code} after ${ingestWhileServing.ms.toFixed(0)} ms, ${cliAcknowledged.length} acknowledged; stderr: ${ingestWhileServing.stderr.trim().split('\n').slice(-1)[0]}`);
console.log(`mutations acknowledged by the server: ${acknowledged.length} of ${attempted}`);

server.child.kill('SIGTERM');
console.log(`server exit code ${await server.exited}`);

const again = startServer();
let reopened = true;
try {
  const againUrl = await Promise.race([again.url, new Promise((_, reject) => setTimeout(() => reject(new Error('no start in 60 s')), 60_000))]);
  const slugs = new Set();
  let after = null;
  for (;;) {
    const body = await graphql(againUrl, 'query ($after: String) { articles(first: 100, after: $after) { pageInfo { endCursor hasNextPage } nodes { slug } } }', { after });
    for (const node of body.data.articles.nodes) slugs.add(node.slug);
    if (!body.data.articles.pageInfo.hasNextPage) break;
    after = body.data.articles.pageInfo.endCursor;
  }
  const lost = [...acknowledged, ...cliAcknowledged].filter((slug) => !slugs.has(slug));
  console.log(`after a restart: ${acknowledged.length + cliAcknowledged.length - lost.length} of ${acknowledged.length + cliAcknowledged.length} acknowledged writes present, ${lost.length} lost`);
} catch (error) {
  reopened = false;
  console.log(`after a restart the folder does not open: ${String(error.message).split('\n').slice(0, 3).join(' | ')}`);
} finally {
  again.child.kill('SIGTERM');
  await again.exited;
}
await rm(folder, { recursive: true, force: true });
process.exitCode = reopened ? 0 : 1;
