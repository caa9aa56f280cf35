// The benchmark's server processes: start one of ours (or a comparison server) on a database and
// read what it costs: CPU time of the process and of its PostgreSQL backends, and its peak memory.
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import type pg from 'pg';
import { packageRoot } from '../src/package-root.js';
import type { ServerKind, ShapeParameters } from './shapes.js';

const CLOCK_TICKS = Number(execSync('getconf CLK_TCK').toString().trim()) || 100;

export interface RunningServer {
  kind: ServerKind;
  pid: number;
  url: string;
  readyMs: number;
  stop(): Promise<{ peakRssMiB: number }>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Node's options in `npm start` (the Dockerfile's entry point passes the same; test/bundle.test.ts
 * checks it): ours runs here as production runs it, V8's heap limit included.
 */
export function productionNodeOptions(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const options = /\bnode((?: --[\w-]+(?:=\S+)?)*) dist\/quotegraph\.mjs serve\b/.exec(manifest.scripts.start ?? '');
  if (!options) throw new Error('package.json\'s start script does not run node ... dist/quotegraph.mjs serve');
  return options[1]!.split(' ').filter(Boolean);
}

function command(kind: ServerKind): string[] {
  if (kind === 'quotegraph') return [...productionNodeOptions(), path.join(packageRoot, 'dist/quotegraph.mjs'), 'serve'];
  return [path.join(packageRoot, `dist/bench/${kind}-server.js`)];
}

export async function post(url: string, query: string): Promise<{ status: number; body: any }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) };
  } catch {
    return { status: response.status, body: text };
  }
}

export async function startServer(kind: ServerKind, database: string, parameters: ShapeParameters, environment: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/graphql`;
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, command(kind), {
    cwd: packageRoot,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: database,
      PORT: String(port),
      HOST: '127.0.0.1',
      BENCH_SHAPE_PARAMETERS: JSON.stringify(parameters),
      ...environment,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString()).slice(-4000);
  });
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  // Ready when the port answers HTTP at all (each server listens only once its schema is built).
  for (;;) {
    if (exited) throw new Error(`${kind} exited before it was ready:\n${errors}`);
    try {
      await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{__typename}"}' });
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    if (performance.now() - started > 60_000) throw new Error(`${kind} was not ready after 60 s:\n${errors}`);
  }
  const readyMs = performance.now() - started;
  return {
    kind,
    pid: child.pid!,
    url,
    readyMs,
    async stop() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const peakKiB = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exit;
      clearTimeout(timer);
      return { peakRssMiB: peakKiB / 1024 };
    },
  };
}

/** User plus system CPU time of a process, in milliseconds (0 once it is gone). */
export function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

/** CPU time of every PostgreSQL backend connected to the benchmark database, by pid. */
export async function backendCpu(admin: pg.Client, name: string): Promise<Map<number, number>> {
  const { rows } = await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
  return new Map(rows.map(({ pid }) => [pid, cpuMs(pid)]));
}

export function cpuSpent(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}
