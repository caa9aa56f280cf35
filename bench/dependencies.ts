// The benchmark's own packages (bench/package.json: PostGraphile, autocannon) live in bench/node_modules,
// installed by the bench scripts when needed (scripts/bench-dependencies.mjs), so that the product's
// install stays free of them. Compiled bench files run from dist/bench/, where Node would not look for
// them: they are loaded from bench/ by path.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../src/package-root.js';

const resolveInBench = createRequire(path.join(packageRoot, 'bench', 'package.json')).resolve;

/** `import(specifier)` as seen from bench/: the module PostGraphile or autocannon resolve to there. */
export async function importBenchDependency<Module>(specifier: string): Promise<Module> {
  return (await import(pathToFileURL(resolveInBench(specifier)).href)) as Module;
}
