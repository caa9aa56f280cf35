import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/** The tests of the read path (lists, lookups, nested pages, statement counts), run on both databases. */
const READ_PATH = [
  'test/graphql/read/**/*.test.ts',
  'test/graphql/statements.test.ts',
  'test/graphql/article/**/*.test.ts',
  'test/graphql/person/**/*.test.ts',
  'test/graphql/quote/**/*.test.ts',
  'test/graphql/node/**/*.test.ts',
  'test/graphql/search/**/*.test.ts',
  'test/graphql/direct-answers.test.ts',
];

/**
 * Also on both: the counters behind totalCount, whose triggers tell an article created with its quotes
 * by the system columns of its rows (migration article_counts_at_insert).
 */
const COUNTERS = ['test/db/counters.test.ts'];

export default defineConfig({
  resolve: {
    // One copy of graphql for both type-graphql and Apollo, or schema building fails with
    // "Cannot use GraphQLObjectType from another module or realm".
    alias: { graphql: require.resolve('graphql/index.js') },
  },
  test: {
    setupFiles: ['test/setup.ts'],
    env: { LOG_LEVEL: 'silent' },
    // Guards against a hang, not speed checks (speed is measured by scripts): on a loaded machine a
    // test may take several times as long as alone, and must not fail for it.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    // Two cores: database tests in parallel files contend, so keep it to two workers.
    maxWorkers: 2,
    // A worker keeps the modules it loaded from one test file to the next: loading the server's
    // modules again for every file took half the time of the database and HTTP tests (import 33 s
    // of 51 s for 14 files, 6 s of 25 s shared). The tests keep no state between files: each opens
    // and closes its own databases and servers, and nothing is mocked.
    isolate: false,
    projects: [
      // Every test, on PostgreSQL (and the build, for the CLI tests).
      { extends: true, test: { name: 'postgres', include: ['test/**/*.test.ts'], globalSetup: ['test/global-setup.ts'] } },
      // The read path and the counters again on the embedded PGlite database, the default when no DATABASE_URL is set.
      { extends: true, test: { name: 'embedded', include: [...READ_PATH, ...COUNTERS], env: { QUOTEGRAPH_TEST_DATABASE: 'embedded' } } },
    ],
  },
});
