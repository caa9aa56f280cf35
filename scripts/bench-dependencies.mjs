// Installs bench/'s own packages (PostGraphile and autocannon, bench/package.json) when they are missing
// or older than bench/package-lock.json. The bench scripts run it first; the product's `npm ci` never
// fetches them (PostGraphile's packages ask for Node 22 and made `npm ci` warn 75 lines on Node 20).
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const bench = path.join(path.dirname(path.dirname(fileURLToPath(import.meta.url))), 'bench');
// npm writes this file last when it installs; older than the lock file means the lock changed since.
const installed = path.join(bench, 'node_modules', '.package-lock.json');
const lock = path.join(bench, 'package-lock.json');

if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
  console.error('bench: installing its own packages (bench/package.json)');
  // The npm that runs this script (npm run sets npm_execpath), else the one on the PATH. Its output
  // goes to standard error: the bench scripts print their results on standard output.
  const npm = process.env.npm_execpath;
  const [command, args] = npm ? [process.execPath, [npm]] : ['npm', []];
  const result = spawnSync(command, [...args, 'ci', '--no-audit', '--no-fund'], {
    cwd: bench,
    stdio: ['ignore', process.stderr, process.stderr],
    shell: !npm && process.platform === 'win32',
  });
  if (result.status !== 0) {
    console.error('bench: installing bench/package.json failed (see above)');
    process.exit(result.status ?? 1);
  }
}
