// The folder holding package.json, found from this file so that paths work the same from src/
// (under vitest), from dist/src/ (tsc) and from dist/quotegraph.mjs (the bundle).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(start: string): string {
  let folder = start;
  while (!existsSync(path.join(folder, 'package.json'))) {
    const parent = path.dirname(folder);
    if (parent === folder) throw new Error(`no package.json above ${start}`);
    folder = parent;
  }
  return folder;
}

export const packageRoot = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));
