// What a production server on PostgreSQL loads: the built program, started as `npm start` and the
// Docker image start it, with a recorder of every module it loads (test/support/record-loaded-modules.mjs).
// The IDE, the desk, the embedded database, Prisma's client, Redis's client and the extraction
// pipeline are for other runs; each held memory for the life of the process when it was loaded.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productionNodeOptions } from '../../bench/processes.js';
import { packageRoot } from '../../src/package-root.js';
import { startBuiltServer, type RunningServer } from '../support/built-server.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

/** Packages and folders a production server has no use for, as they appear in a loaded module's path. */
const NOT_FOR_PRODUCTION = [
  /node_modules\/graphiql\//,
  /node_modules\/react(-dom)?\//,
  /node_modules\/@electric-sql\/pglite\//,
  /node_modules\/@prisma\//,
  /node_modules\/\.prisma\//,
  /\/src\/generated\//,
  /\/dist\/desk\//,
  /node_modules\/(@redis\/|redis\/)/,
];

interface Metafile {
  outputs: Record<string, { inputs: Record<string, unknown> }>;
}

/** The bundle's files (dist/...mjs, absolute) that hold a module whose path matches `module`. */
function outputsHolding(module: RegExp): string[] {
  const metafile = JSON.parse(readFileSync(path.join(packageRoot, 'dist/quotegraph.meta.json'), 'utf8')) as Metafile;
  return Object.entries(metafile.outputs)
    .filter(([output, { inputs }]) => output.endsWith('.mjs') && Object.keys(inputs).some((input) => module.test(input)))
    .map(([output]) => path.resolve(packageRoot, output));
}

describe('a production server on PostgreSQL', () => {
  let testDatabase: TestDatabase;
  let server: RunningServer;
  let folder: string;
  let loaded: string[];

  beforeAll(async () => {
    testDatabase = await createTestDatabase({ seeded: true });
    folder = mkdtempSync(path.join(tmpdir(), 'quotegraph-modules-'));
    const record = path.join(folder, 'loaded-modules.txt');
    server = await startBuiltServer(
      { NODE_ENV: 'production', DATABASE_URL: testDatabase.url, QUOTEGRAPH_LOADED_MODULES_FILE: record },
      [...productionNodeOptions(), '--import', path.join(packageRoot, 'test/support/record-loaded-modules.mjs')],
    );
    // A query that reads nested pages, an editor's mutation refused without a key, and a browser
    // asking for the IDE (off in production): what a production server meets.
    const post = (query: string) =>
      fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    expect((await post('{ articles(first: 5) { nodes { title source { name } quotes(first: 3) { nodes { text speaker { name } } } } } }')).status).toBe(200);
    await post('mutation { ingestArticle(text: "x") { article { slug } } }');
    await fetch(server.url, { headers: { accept: 'text/html' } });
    await fetch(new URL('/desk', server.url));
    server.terminate();
    await server.exited;
    loaded = readFileSync(record, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((module) => (module.startsWith('file:') ? fileURLToPath(module) : module));
  });

  afterAll(async () => {
    server?.kill();
    await testDatabase?.drop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('loads the bundle (the recorder sees its modules)', () => {
    expect(loaded).toContain(path.join(packageRoot, 'dist/quotegraph.mjs'));
    expect(loaded.some((module) => /\/dist\/quotegraph-chunk-\w+\.mjs$/.test(module))).toBe(true);
  });

  it('loads nothing of the IDE, the desk, the embedded database, Prisma or Redis', () => {
    expect(loaded.filter((module) => NOT_FOR_PRODUCTION.some((pattern) => pattern.test(module)))).toEqual([]);
  });

  it('does not load the chunks of Redis, the extraction pipeline or Apollo usage reporting', () => {
    const chunks = [
      ...outputsHolding(/node_modules\/@redis\/client\//),
      ...outputsHolding(/dist\/src\/ingest\/extract\.js$/),
      ...outputsHolding(/node_modules\/@apollo\/usage-reporting-protobuf\//),
    ];
    expect(chunks.length).toBeGreaterThanOrEqual(3);
    expect(chunks.filter((chunk) => loaded.includes(chunk))).toEqual([]);
  });
});

describe('the production start command', () => {
  it('gives node the same options in npm start and in the Docker image', () => {
    const dockerfile = readFileSync(path.join(packageRoot, 'Dockerfile'), 'utf8');
    const entrypoint = /^ENTRYPOINT (\[.*\])$/m.exec(dockerfile)?.[1];
    const words = JSON.parse(entrypoint ?? '[]') as string[];
    const dockerOptions = words.slice(words.indexOf('node') + 1, words.indexOf('dist/quotegraph.mjs'));
    expect(productionNodeOptions()).toContain('--max-old-space-size=1536');
    // V8 had decided, once and for good, to allocate some of pg's per-row objects in the old generation:
    // each response's text then outlived two young collections (README, "Memory").
    expect(productionNodeOptions()).toContain('--no-allocation-site-pretenuring');
    expect(dockerOptions).toEqual(productionNodeOptions());
  });
});
