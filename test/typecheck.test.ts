// The whole project type-checks, tests included: vitest runs TypeScript without checking its types,
// so a type error in a test (or anywhere the build does not compile) would otherwise pass CI unseen.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../src/package-root.js';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/** tsc's report for one project file (empty when it type-checks). */
async function typeErrors(project: string): Promise<string> {
  try {
    await promisify(execFile)(process.execPath, [tsc, '-p', path.join(packageRoot, project), '--noEmit'], { cwd: packageRoot, maxBuffer: 16 * 1024 * 1024 });
    return '';
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
}

describe('npm run typecheck', () => {
  it('finds no type error in src/, test/, scripts/ and the desk', async () => {
    expect(await typeErrors('tsconfig.json')).toBe('');
    expect(await typeErrors('src/desk/tsconfig.json')).toBe('');
  });
});
