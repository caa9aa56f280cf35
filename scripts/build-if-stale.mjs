// Builds the program (tsc, then the bundle: `npm run build`) only when a source is newer than the
// build, so that `npm start`, `npm run ingest`, `npm run keys:create` and the other commands start at
// once instead of rebuilding for 10-15 s every time. Sources: everything under src/ but Prisma's
// generated client (which the program does not use), the build's configuration and the lock file.
// A folder counts too: adding, removing or renaming a file changes its folder's time.
// It says on standard error when it builds, and nothing otherwise: standard output is the command's.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outputs = ['dist/quotegraph.mjs', 'dist/extraction-thread.mjs', 'dist/src/db/create-migration.js', 'dist/desk/desk.js'];
const sourceFiles = ['scripts/bundle.mjs', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json'];
const skipped = new Set([path.join(root, 'src', 'generated')]);

function modified(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

/** The newest source, as [time, path]. */
function newestSource() {
  let newest = [0, ''];
  const consider = (file, time) => {
    if (time > newest[0]) newest = [time, file];
  };
  for (const file of sourceFiles) consider(file, modified(path.join(root, file)) ?? 0);
  const visit = (folder) => {
    consider(path.relative(root, folder), statSync(folder).mtimeMs);
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const entryPath = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!skipped.has(entryPath)) visit(entryPath);
      } else {
        consider(path.relative(root, entryPath), statSync(entryPath).mtimeMs);
      }
    }
  };
  visit(path.join(root, 'src'));
  return newest;
}

/** Why the build is stale, or null when it is not. */
export function staleness() {
  const built = outputs.map((file) => modified(path.join(root, file)));
  if (built.some((time) => time === null)) return 'no build yet';
  const [time, file] = newestSource();
  return time > Math.min(...built) ? `${file} changed since the last build` : null;
}

export function build() {
  const require = createRequire(import.meta.url);
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: ['ignore', process.stderr, process.stderr] });
  execFileSync(process.execPath, [path.join(root, 'scripts', 'bundle.mjs')], { cwd: root, stdio: ['ignore', process.stderr, process.stderr] });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const reason = staleness();
  if (reason) {
    console.error(`building (${reason})...`);
    try {
      build();
    } catch {
      console.error('the build failed (see above)');
      process.exit(1);
    }
  }
}
