// Debian's PgBouncer in front of the machine's PostgreSQL, in transaction mode, on a free port in a
// temporary folder; stopped and removed by the test that started it.
import { spawn, execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, stopServer, waitForListening } from './ports.js';

const PGBOUNCER = '/usr/sbin/pgbouncer';

export interface PgBouncer {
  /** `databaseUrl` with its host and port replaced by PgBouncer's. */
  urlFor(databaseUrl: string): string;
  stop(): Promise<void>;
}



/** PgBouncer in transaction mode in front of `target` (host:port of PostgreSQL, trust auth). */
export async function startPgBouncer(target = { host: '127.0.0.1', port: 5432 }): Promise<PgBouncer> {
  if (!existsSync(PGBOUNCER)) throw new Error(`${PGBOUNCER} is missing: the pooling test needs Debian's PgBouncer; run \`apt-get install -y pgbouncer\``);
  const folder = mkdtempSync(path.join(tmpdir(), 'quotegraph-pgbouncer-'));
  const port = await freePort();
  writeFileSync(path.join(folder, 'users.txt'), '"postgres" ""\n');
  writeFileSync(
    path.join(folder, 'pgbouncer.ini'),
    [
      '[databases]',
      `* = host=${target.host} port=${target.port}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      `unix_socket_dir = ${folder}`,
      'auth_type = trust',
      `auth_file = ${path.join(folder, 'users.txt')}`,
      'pool_mode = transaction',
      // pg sends statement_timeout as a startup parameter, which PgBouncer refuses unless told to
      // ignore it (set it on the role instead: ALTER ROLE … SET statement_timeout).
      'ignore_startup_parameters = extra_float_digits,statement_timeout',
      'default_pool_size = 4',
      'max_client_conn = 200',
      `logfile = ${path.join(folder, 'pgbouncer.log')}`,
      '',
    ].join('\n'),
  );
  // PgBouncer refuses to run as root.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const user = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const group = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(folder, user, group);
    for (const file of ['users.txt', 'pgbouncer.ini']) chownSync(path.join(folder, file), user, group);
    chmodSync(folder, 0o700);
  }
  const command = asRoot ? ['runuser', '-u', 'postgres', '--', PGBOUNCER, path.join(folder, 'pgbouncer.ini')] : [PGBOUNCER, path.join(folder, 'pgbouncer.ini')];
  const child = spawn(command[0]!, command.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  await waitForListening(port, child, 'pgbouncer', () => output);
  return {
    urlFor(databaseUrl) {
      const url = new URL(databaseUrl);
      url.hostname = '127.0.0.1';
      url.port = String(port);
      return url.toString();
    },
    async stop() {
      await stopServer(child);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
