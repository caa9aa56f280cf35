// The desk's typed documents (src/desk/generated) must be what GraphQL Code Generator makes of
// schema.graphql and the desk's queries now: `npm run desk:codegen` rewrites them.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/package-root.js';
import { generatedDeskTypes } from '../../scripts/desk-codegen.mjs';

describe('the desk typed against schema.graphql', () => {
  it('has its generated code up to date (run `npm run desk:codegen` if not)', async () => {
    const generated = await generatedDeskTypes();
    expect([...generated.keys()].sort()).toEqual(['src/desk/generated/gql.ts', 'src/desk/generated/graphql.ts', 'src/desk/generated/index.ts']);
    for (const [file, content] of generated) {
      expect(await readFile(path.join(packageRoot, file), 'utf8'), `${file} is stale: run npm run desk:codegen`).toBe(content);
    }
  }, 60_000);
});
