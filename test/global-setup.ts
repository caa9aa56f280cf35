// Builds the project before the tests when a source changed since the last build (tsc, then the
// bundle: scripts/build-if-stale.mjs, as `npm start` does), so CLI tests run the same
// dist/quotegraph.mjs that users run.
// A failed build does not stop the other tests; it removes the CLI so its tests fail plainly.
// QUOTEGRAPH_SKIP_BUILD=1 skips the build while iterating on tests that do not need dist/.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../src/package-root.js';

export default function buildOnce(): void {
  if (process.env.QUOTEGRAPH_SKIP_BUILD === '1') return;
  try {
    execFileSync(process.execPath, [path.join(packageRoot, 'scripts/build-if-stale.mjs')], { cwd: packageRoot, stdio: 'inherit' });
  } catch {
    console.error('global setup: the build failed (see above); CLI tests will fail');
    rmSync(path.join(packageRoot, 'dist/quotegraph.mjs'), { force: true });
  }
}
