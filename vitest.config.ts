import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One migrated PGlite dump shared by every database test file (test/helpers/describe-each-database.ts).
    globalSetup: ['test/helpers/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    // Test files share their worker's process: each file no longer starts Node, imports the
    // service and opens PGlite again (measured: the whole suite's import time 445 s -> 67 s).
    // A file that changes process-wide state (an env setting, the solve pool) puts it back.
    isolate: false,
    // ICC_TEST_REPORT=<file> adds a JSON report beside the console one (.ci/run reads it).
    reporters: process.env.ICC_TEST_REPORT ? ['default', ['json', { outputFile: process.env.ICC_TEST_REPORT }]] : ['default'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
