// Bundles the compiled command line (dist/src/cli.js, from tsc, decorator metadata included) into
// dist/quotegraph.mjs, the program `npm start` and the Docker image run. Node loads a few files
// instead of some 440 modules: a server on PostgreSQL answered its first request after about 0.9 s
// instead of 1.4 s (bench/README.md, "ready"). The embedded database's packages stay outside (loaded
// only when it is opened, and they find their own data files), as do optional packages not installed.
//
// What only some runs use is a chunk of its own (dist/quotegraph-chunk-*.mjs), loaded by its
// `import()` when first used: Redis's client (REDIS_URL), the extraction pipeline and the demo
// articles (seeding), Apollo's usage reporting (never, here). A server on PostgreSQL does not hold
// their code (bench/results/2026-12-06-memory.md).
//
// The output is ASCII and without comments or indentation: V8 keeps a module's source text for as
// long as the module lives, and one character outside Latin-1 (a curly quote in a regular
// expression) stored all 5 MB of it as UTF-16, 9.6 MB of the server's 27 MB of live heap. Stack
// traces keep their function names; dist/*.mjs.map maps a position back to dist/src (Node reads it
// only when started with --enable-source-maps).
import { build } from 'esbuild';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dist = path.join(root, 'dist');

/** Every character past ASCII as a \u escape: the same value in a string, a template, a regular expression or a comment. */
function ascii(text) {
  return text.replace(/[^\x00-\x7f]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Builds, then writes each output as ASCII (esbuild escapes strings, not regular expression literals). */
async function buildAscii(options) {
  const result = await build({ ...options, write: false });
  for (const file of result.outputFiles) {
    writeFileSync(file.path, file.path.endsWith('.mjs') ? ascii(file.text) : file.contents);
  }
  return result;
}

/**
 * graphql-jit imports fast-json-stringify (and with it ajv, some 500 KB) for its
 * `customJSONSerializer` option, which src/graphql/compiled-execution.ts does not set: the bundle
 * gets a stand-in that says so if it is ever called.
 */
const unusedJsonSerializer = {
  name: 'unused-json-serializer',
  setup(build) {
    build.onResolve({ filter: /^fast-json-stringify$/ }, () => ({ path: 'fast-json-stringify', namespace: 'unused' }));
    build.onLoad({ filter: /.*/, namespace: 'unused' }, () => ({
      contents: "export default function fastJson() { throw new Error('graphql-jit customJSONSerializer is not bundled (scripts/bundle.mjs)'); }",
      loader: 'js',
    }));
  },
};

const program = {
  bundle: true,
  plugins: [unusedJsonSerializer],
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outdir: dist,
  outExtension: { '.js': '.mjs' },
  charset: 'ascii',
  minifyWhitespace: true,
  legalComments: 'none',
  sourcemap: 'linked',
  sourcesContent: false,
  external: [
    '@electric-sql/pglite',
    // Optional peers of TypeGraphQL and Apollo Server that this project does not install.
    'class-validator',
    '@apollo/server-plugin-landing-page-graphql-playground',
  ],
  // CommonJS packages inside an ES module bundle still call require() for Node's built-ins.
  banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" },
  logLevel: 'warning',
};

// Chunks are named by their content: those of an earlier build would stay beside the new ones.
for (const file of readdirSync(dist, { withFileTypes: true })) {
  if (file.isFile() && file.name.startsWith('quotegraph-chunk-')) rmSync(path.join(dist, file.name));
}

const { metafile } = await buildAscii({
  ...program,
  entryPoints: [{ in: path.join(dist, 'src/cli.js'), out: 'quotegraph' }],
  splitting: true,
  // Beside the entry (not in a folder): modules find the extraction thread and the package root from their own URL.
  chunkNames: 'quotegraph-chunk-[hash]',
  metafile: true,
});
// Which output holds which module, and what each imports: test/bundle.test.ts reads what serving loads from it.
writeFileSync(path.join(dist, 'quotegraph.meta.json'), JSON.stringify(metafile));

// The extraction worker's thread is a file of its own, which the program starts beside itself; it
// holds the pipeline whole rather than sharing chunks with the program.
await buildAscii({
  ...program,
  entryPoints: [{ in: path.join(dist, 'src/ingest/extraction-thread.js'), out: 'extraction-thread' }],
});

// The newsroom desk (src/desk): one script and one stylesheet for browsers, served on /desk by
// src/http/desk.ts. React is bundled in: the page loads nothing from anywhere else.
await build({
  entryPoints: { desk: path.join(root, 'src/desk/main.tsx') },
  outdir: path.join(root, 'dist/desk'),
  bundle: true,
  platform: 'browser',
  format: 'esm',
  target: ['chrome110', 'firefox110', 'safari16'],
  jsx: 'automatic',
  minify: true,
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'none',
  logLevel: 'warning',
});
