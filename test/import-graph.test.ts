// The import graph of src/, read by madge (type-only imports count: a circle of types is a circle to a reader too).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import madge from 'madge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../src/package-root.js';

async function importGraph(folder: string) {
  return madge(folder, {
    fileExtensions: ['ts'],
    excludeRegExp: [/^generated\//],
    tsConfig: path.join(packageRoot, 'tsconfig.json'),
    detectiveOptions: { ts: { skipTypeImports: false } },
  });
}

/** The read engine's files, in the order its imports run: a file imports only from files before it. */
const READ_ENGINE_LAYERS = [
  ['parameters', 'selection'],
  ['catalogue'],
  ['fields'],
  ['plan'],
  ['compile', 'decode'],
  ['execute', 'whole-operation'],
  ['loaders'],
  ['answer'],
];

describe('the import graph of src/', () => {
  let graph: Record<string, string[]>;
  let circles: string[][];
  let skipped: string[];

  beforeAll(async () => {
    const result = await importGraph(path.join(packageRoot, 'src'));
    graph = result.obj();
    circles = result.circular();
    skipped = result.warnings().skipped;
  }, 60_000);

  it('has every import of the project resolved, so that no circle hides behind one', () => {
    expect(Object.keys(graph).length).toBeGreaterThan(100);
    // A package's subpath export (graphql-ws/use/ws) is beyond madge's resolver, and no circle of ours runs through a package.
    expect(skipped.filter((specifier) => specifier.startsWith('.') || specifier.startsWith('/'))).toEqual([]);
  });

  it('has no import circle', () => {
    expect(circles).toEqual([]);
  });

  it("runs one way through the read engine: catalogue <- plan <- compile/decode <- execute/whole-operation <- loaders <- answer", () => {
    const layerOf = (file: string) => READ_ENGINE_LAYERS.findIndex((layer) => layer.some((name) => file === `graphql/read/${name}.ts`));
    const backwards: string[] = [];
    for (const [file, imports] of Object.entries(graph)) {
      if (file.startsWith('graphql/relay/')) backwards.push(...imports.filter((imported) => imported.startsWith('graphql/read/')).map((imported) => `${file} -> ${imported}`));
      if (!file.startsWith('graphql/read/')) continue;
      expect(layerOf(file), `${file} has a place in READ_ENGINE_LAYERS`).toBeGreaterThanOrEqual(0);
      for (const imported of imports) {
        if (imported.startsWith('graphql/read/') && layerOf(imported) >= layerOf(file)) backwards.push(`${file} -> ${imported}`);
        // The engine knows no entity: nothing under graphql/ but itself and relay/.
        if (imported.startsWith('graphql/') && !/^graphql\/(read|relay|cost)\//.test(imported)) backwards.push(`${file} -> ${imported}`);
      }
    }
    expect(backwards).toEqual([]);
  });
});

describe('the import-graph check', () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'quotegraph-imports-'));
    writeFileSync(path.join(folder, 'first.ts'), "import type { Second } from './second.js';\nexport interface First { second: Second }\n");
    writeFileSync(path.join(folder, 'second.ts'), "import type { First } from './first.js';\nexport interface Second { first: First }\n");
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('finds a circle of type-only imports', async () => {
    expect((await importGraph(folder)).circular()).toEqual([['first.ts', 'second.ts']]);
  });
});
