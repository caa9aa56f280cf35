// The built server (dist/quotegraph.mjs serve) as a child process, as users and the Docker image run it.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { packageRoot } from '../../src/package-root.js';

export interface RunningServer {
  url: string;
  exited: Promise<number | null>;
  output(): string;
  terminate(): void;
  kill(): void;
}

/** Starts dist/quotegraph.mjs on `environment` (DATABASE_URL or an embedded data folder), with Node's `nodeOptions`. */
export async function startBuiltServer(environment: Record<string, string>, nodeOptions: string[] = []): Promise<RunningServer> {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, [...nodeOptions, path.join(packageRoot, 'dist/quotegraph.mjs'), 'serve'], {
    env: { ...inherited, PORT: '0', LOG_LEVEL: 'info', ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /GraphQL API[^:]*: (http\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    void exited.then((code) => reject(new Error(`server exited early with ${code}: ${output}`)));
  });
  return {
    url,
    exited,
    output: () => output,
    terminate: () => child.kill('SIGTERM'),
    kill: () => void (child.exitCode === null && child.kill('SIGKILL')),
  };
}

