// Types the desk's GraphQL documents (the graphql(`…`) calls in src/desk) against schema.graphql with
// GraphQL Code Generator's client preset: src/desk/generated/ holds typed document nodes, written by
// `npm run desk:codegen` and committed; test/desk/generated.test.ts fails when they are stale.
// Documents are kept as strings (documentMode: 'string'), so the browser bundle needs no graphql runtime.
import { generate } from '@graphql-codegen/cli';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

export const deskCodegenConfig = {
  cwd: root,
  schema: 'schema.graphql',
  documents: ['src/desk/**/*.{ts,tsx}', '!src/desk/generated/**'],
  silent: true,
  generates: {
    'src/desk/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTimeISO: 'string', JSON: 'unknown' },
      },
    },
  },
};

/** The generated files, by path relative to the package root, without writing them. */
export async function generatedDeskTypes() {
  const files = await generate(deskCodegenConfig, false);
  return new Map(files.map((file) => [path.relative(root, path.resolve(root, file.filename)), file.content]));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await generate(deskCodegenConfig, true);
}
