import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // One copy of graphql for both type-graphql and Apollo, or schema building fails with
    // "Cannot use GraphQLObjectType from another module or realm".
    alias: { graphql: require.resolve('graphql/index.js') },
  },
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    globalSetup: ['test/global-setup.ts'],
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
  },
});
