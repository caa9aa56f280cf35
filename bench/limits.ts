// What the query limits hold against: hostile documents (refused how fast, and does /healthz wait
// behind them?) and the dearest queries the limits still allow (server and database time, bytes).
// Usage: npm run bench:limits -- [--scale N] [--database NAME]   (the database comes from npm run bench:data)
import 'reflect-metadata';
import { getIntrospectionQuery, Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { measureQueryCost } from '../src/graphql/cost/query-cost.js';
import { buildQuotegraphSchema } from '../src/graphql/schema.js';
import { BENCH_PREFIX, adminUrl, databaseName, databaseUrl, parseArguments } from './database.js';
import { backendCpu, cpuMs, cpuSpent, startServer, type RunningServer } from './processes.js';

interface Probe {
  name: string;
  query: string;
}

function fragmentBomb(levels: number): string {
  let document = `query { ...F${levels} }\nfragment F0 on Query { articles(first: 1) { nodes { title } } }\n`;
  for (let level = 1; level <= levels; level++) document += `fragment F${level} on Query { ...F${level - 1} ...F${level - 1} }\n`;
  return document;
}

function fragmentDag(levels: number): string {
  let document = `query { ...A${levels} ...B${levels} }\nfragment A0 on Query { a: articles(first: 1) { nodes { title } } }\nfragment B0 on Query { b: articles(first: 1) { nodes { title } } }\n`;
  for (let level = 1; level <= levels; level++) {
    document += `fragment A${level} on Query { ...A${level - 1} ...B${level - 1} }\nfragment B${level} on Query { ...B${level - 1} ...A${level - 1} }\n`;
  }
  return document;
}

const aliased = (count: number, selection: (index: number) => string) => `{ ${Array.from({ length: count }, (_, index) => selection(index)).join(' ')} }`;

const HOSTILE: Probe[] = [
  { name: 'fragment bomb, 22 levels', query: fragmentBomb(22) },
  { name: 'fragment DAG, 22 levels', query: fragmentDag(22) },
  { name: 'introspection, 4,000 aliases', query: aliased(4_000, (index) => `a${index}: __schema { types { name fields { name } } }`) },
  {
    name: '4 aliased articles(100) > source > articles(100) with bodies',
    query: aliased(4, (index) => `a${index}: articles(first: 100) { nodes { body source { articles(first: 100) { nodes { title body paragraphs } } } } }`),
  },
  { name: '30 aliased search counts (first: 0)', query: aliased(30, (index) => `s${index}: search(query: "minister") { articles(first: 0) { totalCount } }`) },
];

/** Queries of several families, each made as large as the limits allow (page sizes, then aliases). */
function dearestAllowed(fits: (query: string) => boolean): Probe[] {
  const families: Array<[string, (size: number) => string]> = [
    ['articles with body and paragraphs', (size) => `{ articles(first: ${size}) { nodes { title body paragraphs source { name } } } }`],
    ['articles > source > articles with bodies', (size) => `{ articles(first: 100) { nodes { title source { articles(first: ${size}) { nodes { title body } } } } } }`],
    ['quotes > speaker > quotes with article', (size) => `{ quotes(first: 100) { nodes { text speaker { quotes(first: ${size}) { totalCount nodes { text article { title source { name } } } } } } } }`],
    ['people > quotes > article body', (size) => `{ people(first: 100) { nodes { name quotes(first: ${size}) { nodes { text article { title body } } } } } }`],
    ['aliased search counts', (size) => aliased(size, (index) => `s${index}: search(query: "minister") { articles(first: 0) { totalCount } quotes(first: 0) { totalCount } }`)],
    ['aliased searches', (size) => aliased(size, (index) => `s${index}: search(query: "minister") { articles(first: 100) { nodes { title body } } quotes(first: 100) { nodes { text speaker { name } } } }`)],
    ['aliased topic quote counts', (size) => aliased(size, (index) => `t${index}: topics(first: 100, after: null) { nodes { quotes(first: 0) { totalCount } articles(first: 0) { totalCount } } }`)],
    ['aliased front pages', (size) => aliased(size, (index) => `f${index}: articles(first: 100) { nodes { title source { name } topics(first: 10) { nodes { name } } quotes(first: 20) { nodes { text speaker { name } } } } }`)],
  ];
  return families.map(([name, make]) => {
    let size = 1;
    while (size < 100 && fits(make(size + 1))) size++;
    return { name: `${name} (${size})`, query: make(size) };
  });
}

interface Outcome {
  status: number;
  code: string;
  bytes: number;
  wallMs: number;
  serverCpuMs: number;
  databaseCpuMs: number;
  cost: string;
  /** Slowest /healthz answer while the probe ran. */
  healthzMs: number;
}

async function run(server: RunningServer, admin: pg.Client, name: string, probe: Probe): Promise<Outcome> {
  const serverBefore = cpuMs(server.pid);
  const backendsBefore = await backendCpu(admin, name);
  let running = true;
  let healthzMs = 0;
  const healthUrl = server.url.replace('/graphql', '/healthz');
  const watcher = (async () => {
    while (running) {
      const started = performance.now();
      await fetch(healthUrl).then((response) => response.text());
      healthzMs = Math.max(healthzMs, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  const started = performance.now();
  const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: probe.query }) });
  const text = await response.text();
  const wallMs = performance.now() - started;
  running = false;
  await watcher;
  let body: { errors?: Array<{ extensions?: { code?: string; cost?: { cost: number; nodes: number } } }>; extensions?: { cost?: { cost: number; nodes: number } } } = {};
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: reported by its status
  }
  const cost = body.extensions?.cost ?? body.errors?.[0]?.extensions?.cost;
  return {
    status: response.status,
    code: body.errors?.[0]?.extensions?.code ?? '',
    bytes: Buffer.byteLength(text),
    wallMs,
    serverCpuMs: cpuMs(server.pid) - serverBefore,
    databaseCpuMs: cpuSpent(backendsBefore, await backendCpu(admin, name)),
    cost: cost ? `${cost.cost} pts / ${cost.nodes} items` : '',
    healthzMs,
  };
}

function row(probe: Probe, outcome: Outcome): string {
  const cells = [
    probe.name,
    `${outcome.status} ${outcome.code}`.trim(),
    outcome.cost,
    outcome.wallMs.toFixed(0),
    outcome.serverCpuMs.toFixed(0),
    outcome.databaseCpuMs.toFixed(0),
    (outcome.bytes / 1024).toFixed(0),
    outcome.healthzMs.toFixed(0),
  ];
  return `| ${cells.join(' | ')} |`;
}

async function main(): Promise<void> {
  const { scale, database } = parseArguments(process.argv.slice(2));
  const name = database ?? `${BENCH_PREFIX}s${scale}`;
  const url = databaseUrl(name);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [databaseName(url)]);
  if (exists.rowCount === 0) throw new Error(`no database ${name}: run npm run bench:data -- --scale ${scale} first`);

  const schema = await buildQuotegraphSchema();
  const limits = loadConfig({ NODE_ENV: 'production' }).queryLimits;
  const fits = (query: string) => {
    const document = parse(query);
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
    const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
    const cost = measureQueryCost(schema, operation, fragments);
    return cost.cost <= limits.maxCost && cost.nodes <= limits.maxNodes && cost.aliases <= limits.maxAliases && cost.depth <= limits.maxDepth;
  };

  const header = ['| query | answer | cost | wall ms | server CPU ms | database CPU ms | KiB | slowest /healthz ms |', '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |'];
  const parameters = { personSlug: 'sergey-lavrov', articleSlug: '', search: 'minister' };
  for (const introspection of ['off', 'on']) {
    const server = await startServer('quotegraph', url, parameters, { QUOTEGRAPH_INTROSPECTION: introspection });
    try {
      console.log(`\nProduction server on ${name}, introspection ${introspection}; limits: ${JSON.stringify(limits)}\n`);
      console.log(header.join('\n'));
      const probes = introspection === 'on'
        ? [...HOSTILE.slice(2, 3), { name: 'the IDE\'s introspection query', query: getIntrospectionQuery() }]
        : [...HOSTILE, ...dearestAllowed(fits)];
      for (const probe of probes) {
        await run(server, admin, name, probe); // warm: plans, prepared statements, caches
        console.log(row(probe, await run(server, admin, name, probe)));
      }
    } finally {
      await server.stop();
    }
  }
  await admin.end();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
