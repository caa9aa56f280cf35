// The benchmark: our production build, PostGraphile 5 and the floor server, started one at a time
// on the same database, checked to answer alike, then measured with autocannon over alternating
// rounds. Prints a table and writes it to bench/results/<date>-s<scale>.md.
// Usage: npm run bench -- [--scale N] [--database NAME] [--quick] [--keep] [--shapes a,b,...] [--servers quotegraph,...]
import { execSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import { loadCorpus, MORE_SEARCHES, SEARCH_WORD } from './data.js';
import { BENCH_PREFIX, databaseName, databaseUrl, dropDatabase, ensureDatabase, optionValue, parseArguments } from './database.js';
import { preparePostgraphile } from './postgraphile-server.js';
import { buildShapes, type ServerKind, type Shape, type ShapeParameters } from './shapes.js';
import { backendCpu, cpuMs, cpuSpent, post, startServer, type RunningServer } from './processes.js';
import { median, writeResult } from './results.js';
import { startStatementCounter } from './statement-counter.js';
import { importBenchDependency } from './dependencies.js';

const { default: autocannon } = await importBenchDependency<{ default: typeof import('autocannon') }>('autocannon');

const SERVERS: ServerKind[] = ['quotegraph', 'postgraphile', 'floor'];

interface Settings {
  connections: number;
  duration: number;
  warmup: number;
  rounds: number;
  sequentialSamples: number;
}

function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

interface Sample {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  sequentialMedian: number;
  serverCpuMs: number;
  postgresCpuMs: number;
  errors: number;
}

async function measure(server: RunningServer, shape: Shape, settings: Settings, admin: pg.Client, database: string): Promise<Sample> {
  const query = server.kind === 'postgraphile' ? shape.postgraphile : shape.quotegraph;
  const body = JSON.stringify({ query });
  // A GraphQL error comes with HTTP 200: every answer's body is looked at, for every server alike.
  let graphqlErrors = 0;
  const calls = [
    {
      method: 'POST' as const,
      headers: { 'content-type': 'application/json' },
      body,
      onResponse: (_status: number, answer: string) => {
        if (answer.includes('"errors":')) graphqlErrors++;
      },
    },
  ];
  const options = { url: server.url, requests: calls, connections: settings.connections };
  await autocannon({ ...options, duration: settings.warmup });
  graphqlErrors = 0;
  const latencies: number[] = [];
  for (let index = 0; index < settings.sequentialSamples; index++) {
    const begun = performance.now();
    await post(server.url, query);
    latencies.push(performance.now() - begun);
  }
  const cpuBefore = cpuMs(server.pid);
  const backendsBefore = await backendCpu(admin, database);
  const result = await autocannon({ ...options, duration: settings.duration });
  const serverCpu = cpuMs(server.pid) - cpuBefore;
  const postgresCpu = cpuSpent(backendsBefore, await backendCpu(admin, database));
  const requests = Math.max(1, result.requests.total);
  return {
    requestsPerSecond: result.requests.total / (result.duration || settings.duration),
    p50: result.latency.p50,
    p99: result.latency.p99,
    sequentialMedian: median(latencies),
    serverCpuMs: serverCpu / requests,
    postgresCpuMs: postgresCpu / requests,
    errors: result.errors + result.non2xx + graphqlErrors,
  };
}

interface ServerReport {
  readyMs: number[];
  peakRssMiB: number;
  statements: Map<string, number>;
  mismatches: string[];
  /** First requests that failed and answered when sent again (a cold cache at scale 100 can pass the 5 s statement timeout). */
  retried: string[];
}

/** What is wrong with an answer of the check (not HTTP 200, or GraphQL errors), or undefined when nothing is. */
function failureOf(answer: { status: number; body: any }): string | undefined {
  if (answer.status === 200 && !answer.body?.errors) return undefined;
  return `HTTP ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`;
}

/** Starts each server behind the statement counter, checks its answers against ours, counts statements. */
async function checkAndCount(shapes: Shape[], kinds: ServerKind[], database: string, parameters: ShapeParameters): Promise<Map<ServerKind, ServerReport>> {
  const target = new URL(database);
  const counter = await startStatementCounter({ host: target.hostname, port: Number(target.port || 5432) });
  const counted = new URL(database);
  counted.port = String(counter.port);
  const reports = new Map<ServerKind, ServerReport>();
  const expected = new Map<string, unknown>();
  try {
    for (const kind of kinds) {
      const server = await startServer(kind, counted.toString(), parameters);
      const report: ServerReport = { readyMs: [server.readyMs], peakRssMiB: 0, statements: new Map(), mismatches: [], retried: [] };
      reports.set(kind, report);
      try {
        for (const shape of shapes) {
          const query = kind === 'postgraphile' ? shape.postgraphile : shape.quotegraph;
          let first = await post(server.url, query);
          const coldFailure = failureOf(first);
          if (coldFailure) {
            // Sent once more: what is checked here is the answer, not a cold cache's first request.
            report.retried.push(`${shape.name}: ${coldFailure}`);
            first = await post(server.url, query);
          }
          const failure = failureOf(first);
          if (failure) {
            report.mismatches.push(`${shape.name}: ${failure}`);
            continue;
          }
          const canonical = shape.canonical(kind, first.body.data);
          if (!expected.has(shape.name)) expected.set(shape.name, canonical);
          else if (!isDeepStrictEqual(expected.get(shape.name), canonical)) {
            report.mismatches.push(`${shape.name}: differs from ${kinds[0]}'s answer:\n  expected ${JSON.stringify(expected.get(shape.name)).slice(0, 400)}\n  got      ${JSON.stringify(canonical).slice(0, 400)}`);
          }
          await post(server.url, query);
          const samples = 10;
          counter.reset();
          for (let index = 0; index < samples; index++) await post(server.url, query);
          report.statements.set(shape.name, counter.statements / samples);
        }
      } finally {
        await server.stop();
      }
    }
  } finally {
    await counter.close();
  }
  return reports;
}

function machineDescription(postgresVersion: string, loadAtStart: number[]): string[] {
  const cpuModel = cpus()[0]?.model ?? 'unknown';
  return [
    `- CPU: ${cpuModel}, nproc ${execSync('nproc').toString().trim()}`,
    `- memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- Node ${process.version}; ${postgresVersion.split(' on ')[0]}`,
    `- load average at start: ${loadAtStart.map((value) => value.toFixed(2)).join(', ')} (the machine is shared: other work may run alongside)`,
  ];
}

function format(value: number, digits = 1): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '–';
}

async function main(): Promise<void> {
  // Read before anything runs: read at the end it would only repeat the end's.
  const loadAtStart = loadavg();
  const options = parseArguments(process.argv.slice(2));
  const only = (flag: string) => optionValue(options.rest, flag)?.split(',') ?? null;
  const kinds = (only('--servers') as ServerKind[] | null) ?? SERVERS;
  const settings: Settings = options.quick
    ? { connections: 10, duration: 3, warmup: 1, rounds: 3, sequentialSamples: 20 }
    : { connections: 10, duration: 10, warmup: 3, rounds: 3, sequentialSamples: 50 };

  const name = options.database ?? `${BENCH_PREFIX}s${options.scale}`;
  const url = databaseUrl(name);
  const created = await ensureDatabase(name);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const filled = created
      ? false
      : (await admin.query(`SELECT to_regclass('"Article"') IS NOT NULL AND EXISTS (SELECT 1 FROM "Article" WHERE "slug" LIKE 'bench-%') AS filled`)).rows[0].filled;
    if (!filled) {
      console.log(`Loading the scale ${options.scale} corpus into ${name}...`);
      const report = await loadCorpus(url, options.scale);
      console.log(`  ${report.articles} articles, ${report.quotes} quotes in ${report.seconds.toFixed(1)} s`);
    }
    await preparePostgraphile(url);
    const { rows } = await admin.query<{ slug: string }>(
      `SELECT a."slug" FROM "Article" a JOIN "Quote" q ON q."articleId" = a."id"
       WHERE a."slug" LIKE 'bench-1%' AND a."id" < (SELECT min("id") + 1000 FROM "Article" WHERE "slug" LIKE 'bench-%')
       GROUP BY a."id" ORDER BY count(*) DESC, a."id" LIMIT 1`,
    );
    const parameters: ShapeParameters = { personSlug: 'sergey-lavrov', articleSlug: rows[0]!.slug, search: SEARCH_WORD, searches: MORE_SEARCHES };
    const shapes = buildShapes(parameters).filter((shape) => only('--shapes')?.includes(shape.name) ?? true);
    const postgresVersion = (await admin.query<{ version: string }>('SELECT version()')).rows[0]!.version;

    console.log(`Checking answers and counting statements (${kinds.join(', ')})...`);
    const reports = await checkAndCount(shapes, kinds, url, parameters);
    for (const [kind, report] of reports) for (const mismatch of report.mismatches) console.log(`  MISMATCH ${kind} ${mismatch}`);

    const samples = new Map<string, Sample[]>();
    for (let round = 0; round < settings.rounds; round++) {
      // Alternate the order, so that no server always runs first or last.
      const order = round % 2 === 0 ? kinds : [...kinds].reverse();
      for (const kind of order) {
        const server = await startServer(kind, url, parameters);
        reports.get(kind)!.readyMs.push(server.readyMs);
        try {
          for (const shape of shapes) {
            const sample = await measure(server, shape, settings, admin, name);
            const key = `${shape.name}:${kind}`;
            samples.set(key, [...(samples.get(key) ?? []), sample]);
            console.log(
              `  round ${round + 1} ${kind.padEnd(12)} ${shape.name.padEnd(6)} ${format(sample.requestsPerSecond, 0).padStart(6)} req/s  ` +
                `p50 ${format(sample.p50)} ms  p99 ${format(sample.p99)} ms${sample.errors ? `  ${sample.errors} errors` : ''}`,
            );
          }
        } finally {
          const { peakRssMiB } = await server.stop();
          const report = reports.get(kind)!;
          report.peakRssMiB = Math.max(report.peakRssMiB, peakRssMiB);
        }
      }
    }

    const lines: string[] = [];
    const date = new Date().toISOString().slice(0, 10);
    const counts = await admin.query<{ articles: number; quotes: number }>(
      'SELECT (SELECT count(*) FROM "Article")::int AS articles, (SELECT count(*) FROM "Quote")::int AS quotes',
    );
    lines.push(`# Benchmark ${date}, scale ${options.scale}`, '');
    lines.push(...machineDescription(postgresVersion, loadAtStart));
    lines.push(
      `- load average at end: ${loadavg().map((value) => value.toFixed(2)).join(', ')}`,
      `- database: ${counts.rows[0]!.articles} articles, ${counts.rows[0]!.quotes} quotes`,
      `- autocannon: ${settings.connections} connections, ${settings.duration} s per measurement after ${settings.warmup} s warm-up, ` +
        `${settings.rounds} rounds alternating the servers' order; figures are means over the rounds, req/s with its lowest and highest round`,
      '- "1-client" is the median of sequential requests with nothing else running; CPU is user + system time per request, ' +
        'of the server process and of its PostgreSQL backends (/proc/<pid>/stat)',
      '- statements/request: Query and Execute messages counted on the wire by a proxy in front of PostgreSQL',
      '',
    );
    for (const shape of shapes) {
      lines.push(`## (${shape.name}) ${shape.description}`, '');
      lines.push('| server | req/s | req/s range | p50 ms | p99 ms | 1-client ms | server CPU ms/req | PG CPU ms/req | statements/req | req/s vs PostGraphile | req/s vs floor | p99 vs PostGraphile |');
      lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
      const summary = (kind: ServerKind) => {
        const list = samples.get(`${shape.name}:${kind}`) ?? [];
        return {
          rps: mean(list.map((sample) => sample.requestsPerSecond)),
          lowest: Math.min(...list.map((sample) => sample.requestsPerSecond)),
          highest: Math.max(...list.map((sample) => sample.requestsPerSecond)),
          p50: mean(list.map((sample) => sample.p50)),
          p99: mean(list.map((sample) => sample.p99)),
          sequential: mean(list.map((sample) => sample.sequentialMedian)),
          cpu: mean(list.map((sample) => sample.serverCpuMs)),
          pgCpu: mean(list.map((sample) => sample.postgresCpuMs)),
          errors: list.reduce((sum, sample) => sum + sample.errors, 0),
        };
      };
      const postgraphile = kinds.includes('postgraphile') ? summary('postgraphile') : null;
      const floor = kinds.includes('floor') ? summary('floor') : null;
      for (const kind of kinds) {
        const row = summary(kind);
        lines.push(
          `| ${kind}${row.errors ? ` (${row.errors} errors)` : ''} | ${format(row.rps, 0)} | ${format(row.lowest, 0)}–${format(row.highest, 0)} | ${format(row.p50)} | ${format(row.p99)} | ${format(row.sequential, 2)} | ` +
            `${format(row.cpu, 2)} | ${format(row.pgCpu, 2)} | ${format(reports.get(kind)!.statements.get(shape.name) ?? NaN)} | ` +
            `${postgraphile ? format(row.rps / postgraphile.rps, 2) : '–'} | ${floor ? format(row.rps / floor.rps, 2) : '–'} | ` +
            `${postgraphile ? format(row.p99 / postgraphile.p99, 2) : '–'} |`,
        );
      }
      lines.push('');
    }
    lines.push('## Servers', '', '| server | ready ms (median of starts) | peak RSS MiB | answers |', '| --- | ---: | ---: | --- |');
    for (const kind of kinds) {
      const report = reports.get(kind)!;
      lines.push(`| ${kind} | ${format(median(report.readyMs), 0)} | ${format(report.peakRssMiB)} | ${report.mismatches.length === 0 ? 'same as quotegraph' : `${report.mismatches.length} mismatch(es)`} |`);
    }
    const mismatches = [...reports].flatMap(([kind, report]) => report.mismatches.map((mismatch) => `- ${kind} ${mismatch}`));
    if (mismatches.length > 0) lines.push('', '### Mismatches', '', ...mismatches);
    const retried = [...reports].flatMap(([kind, report]) => report.retried.map((failure) => `- ${kind} ${failure}`));
    if (retried.length > 0) lines.push('', '### First requests sent again', '', 'These failed the first time and answered the second (the answer check):', '', ...retried);
    const markdown = `${lines.join('\n')}\n`;
    console.log(`\n${markdown}`);
    writeResult(`${date}-s${options.scale}${options.quick ? '-quick' : ''}`, markdown);
    // A run whose answers failed measured failures: it must not pass for a result.
    const failed = [...samples].filter(([, list]) => list.some((sample) => sample.errors > 0)).map(([key]) => key);
    if (failed.length > 0 || mismatches.length > 0) {
      console.error(`The run is not valid: errors under load in ${failed.join(', ') || 'none'}; ${mismatches.length} mismatched answer(s)`);
      process.exitCode = 1;
    }
  } finally {
    await admin.end();
    if (created && !options.keep) {
      await dropDatabase(databaseName(url));
      console.log(`Dropped ${name} (pass --keep to keep it)`);
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
