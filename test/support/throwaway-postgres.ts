// A PostgreSQL cluster of the test's own, in a temporary folder on a free port, which the test may
// stop and start at will (never the machine's main server).
import { execFile } from 'node:child_process';
import { chmod, chown, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './ports.js';

const run = promisify(execFile);

async function postgresBin(): Promise<string> {
  const versions = (await readdir('/usr/lib/postgresql')).sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0) throw new Error('no PostgreSQL server binaries in /usr/lib/postgresql');
  return path.join('/usr/lib/postgresql', versions[0]!, 'bin');
}


/** The postmaster's pid and the pids of every process it started (backends, checkpointer...). */
async function clusterProcesses(dataDirectory: string): Promise<number[]> {
  const postmaster = Number((await readFile(path.join(dataDirectory, 'postmaster.pid'), 'utf8')).split('\n')[0]);
  const children: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // Fields after the command name, which is in parentheses and may hold spaces: state, ppid, ...
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (parent === postmaster) children.push(Number(entry));
  }
  return [postmaster, ...children];
}

/** Sends `name` to `pid`, unless the process has ended meanwhile (a short-lived worker). */
function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

export interface ThrowawayPostgres {
  url: string;
  port: number;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** SIGSTOP to the postmaster and all its processes: the server freezes, its connections stay open. */
  freeze(): Promise<void>;
  /** SIGCONT to the processes `freeze` stopped. */
  thaw(): Promise<void>;
  destroy(): Promise<void>;
}

type Tool = (name: string, args: string[]) => Promise<unknown>;

/** A temporary folder that PostgreSQL's tools may use (they refuse to run as root: as postgres then). */
async function clusterFolder(): Promise<{ folder: string; tool: Tool }> {
  const bin = await postgresBin();
  const folder = await mkdtemp(path.join(tmpdir(), 'quotegraph-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: group } = await run('id', ['-g', 'postgres']);
    await chown(folder, Number(stdout), Number(group));
    await chmod(folder, 0o700);
  }
  const tool: Tool = (name, args) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', path.join(bin, name), ...args]) : run(path.join(bin, name), args);
  return { folder, tool };
}

/** The cluster in `folder`/data, served on `port`. */
function clusterIn(folder: string, port: number, tool: Tool): ThrowawayPostgres {
  const dataDirectory = path.join(folder, 'data');
  let frozen: number[] = [];
  const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  const cluster: ThrowawayPostgres = {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    start: async () => {
      await tool('pg_ctl', ['-D', dataDirectory, '-o', options, '-l', path.join(folder, 'log'), '-w', '-t', '30', 'start']);
    },
    stop: async () => {
      await tool('pg_ctl', ['-D', dataDirectory, '-m', 'fast', '-w', 'stop']);
    },
    freeze: async () => {
      frozen = await clusterProcesses(dataDirectory);
      for (const pid of frozen) signal(pid, 'SIGSTOP');
    },
    thaw: async () => {
      for (const pid of frozen) signal(pid, 'SIGCONT');
      frozen = [];
    },
    destroy: async () => {
      await cluster.thaw();
      await cluster.stop().catch(() => undefined);
      await rm(folder, { recursive: true, force: true });
    },
  };
  return cluster;
}

export async function createThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const { folder, tool } = await clusterFolder();
  await tool('initdb', ['-D', path.join(folder, 'data'), '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const cluster = clusterIn(folder, await freePort(), tool);
  await cluster.start();
  return cluster;
}

/**
 * A streaming replica of `primary`: a base backup taken with pg_basebackup -R (which writes the
 * standby's connection settings), started as a hot standby on a port of its own.
 */
export async function createStreamingReplica(primary: ThrowawayPostgres): Promise<ThrowawayPostgres> {
  const { folder, tool } = await clusterFolder();
  const primaryUrl = new URL(primary.url);
  await tool('pg_basebackup', ['-h', primaryUrl.hostname, '-p', String(primary.port), '-U', 'postgres', '-D', path.join(folder, 'data'), '-R', '-X', 'stream', '--no-sync']);
  const replica = clusterIn(folder, await freePort(), tool);
  await replica.start();
  return replica;
}
