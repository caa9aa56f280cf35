import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildSchema, lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildQuotegraphSchema } from '../../src/graphql/schema.js';
import { packageRoot } from '../../src/package-root.js';

describe('schema.graphql', () => {
  it('is up to date with the resolvers (run `npm run schema:write` after changing them)', async () => {
    const committed = await readFile(path.join(packageRoot, 'schema.graphql'), 'utf8');
    // Compared with types and fields in alphabetical order: a test worker keeps the modules earlier test
    // files loaded (vitest's isolate: false), so the resolvers' decorators may have run in another order
    // than the server's, and their fields with them.
    const sorted = (schema: GraphQLSchema) => printSchema(lexicographicSortSchema(schema));
    expect(sorted(await buildQuotegraphSchema())).toBe(sorted(buildSchema(committed)));
  });

  it('documents every type and field', async () => {
    const schema = await buildQuotegraphSchema();
    const undocumented: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Boolean', 'ID', 'Float'].includes(type.name)) continue;
      if (!type.description && !['Query', 'Mutation', 'Subscription'].includes(type.name)) undocumented.push(type.name);
      if ('getFields' in type) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) undocumented.push(`${type.name}.${field.name}`);
        }
      }
    }
    expect(undocumented).toEqual([]);
  });
});
