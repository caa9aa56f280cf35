// Bundles the compiled command line (dist/src/cli.js, from tsc, decorator metadata included) into one
// file, dist/quotegraph.mjs, the program `npm start` and the Docker image run. Node loads one file
// instead of some 440 modules: a server on PostgreSQL answered its first request after about 0.9 s
// instead of 1.4 s (bench/README.md, "ready"). The embedded database's packages stay outside (loaded
// only when it is opened, and they find their own data files), as do optional packages not installed.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

await build({
  // The extraction worker's thread is a file of its own, which the bundle starts beside itself.
  entryPoints: [
    { in: path.join(root, 'dist/src/cli.js'), out: 'quotegraph' },
    { in: path.join(root, 'dist/src/ingest/extraction-thread.js'), out: 'extraction-thread' },
  ],
  outdir: path.join(root, 'dist'),
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: [
    '@electric-sql/pglite',
    // Optional peers of TypeGraphQL and Apollo Server that this project does not install.
    'class-validator',
    '@apollo/server-plugin-landing-page-graphql-playground',
  ],
  // CommonJS packages inside an ES module bundle still call require() for Node's built-ins.
  banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" },
  logLevel: 'warning',
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
