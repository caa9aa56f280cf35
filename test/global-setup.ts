// Once before the tests: builds the project when a source changed since the last build (tsc, then
// the bundle: scripts/build-if-stale.mjs, as `npm start` does), so CLI tests run the same
// dist/quotegraph.mjs that users run; meanwhile makes the template databases the tests copy
// (test/support/templates.ts), dropped after the run.
// A failed build does not stop the other tests; it removes the CLI so its tests fail plainly.
// QUOTEGRAPH_SKIP_BUILD=1 skips the build while iterating on tests that do not need dist/.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { packageRoot } from '../src/package-root.js';
import { createTemplates } from './support/templates.js';

function buildIfStale(): Promise<void> {
  if (process.env.QUOTEGRAPH_SKIP_BUILD === '1') return Promise.resolve();
  return new Promise((resolve) => {
    const build = spawn(process.execPath, [path.join(packageRoot, 'scripts/build-if-stale.mjs')], { cwd: packageRoot, stdio: 'inherit' });
    build.on('exit', (code) => {
      if (code !== 0) {
        console.error('global setup: the build failed (see above); CLI tests will fail');
        rmSync(path.join(packageRoot, 'dist/quotegraph.mjs'), { force: true });
      }
      resolve();
    });
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const building = buildIfStale();
  const templates = await createTemplates().catch((error: unknown) => {
    // Each test then migrates (and seeds) its own database, and says what is wrong if it cannot.
    console.error(`global setup: no template databases (${error instanceof Error ? error.message : String(error)})`);
    return null;
  });
  project.provide('migratedTemplate', templates?.migratedTemplate ?? '');
  project.provide('seededTemplate', templates?.seededTemplate ?? '');
  project.provide('embeddedTemplate', templates?.embeddedTemplate ?? '');
  await building;
  return async () => {
    await templates?.drop();
  };
}
