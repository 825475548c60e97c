import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Bundles run as child processes and PostgreSQL clusters start per file: two cores.
    maxWorkers: 2,
    // A temp folder of the run's own, removed at the end, naming what tests left in it.
    globalSetup: ['./test/support/temp-root.ts'],
    reporters: ['default', './test/harness/closing-line-reporter.ts'],
  },
});
