import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // The JSON report feeds the one-line total that `pnpm test` prints last (scripts/test-summary.mjs).
    // The PGlite pass (`test:pglite`, after a run on PostgreSQL) reports beside it.
    reporters: [
      'default',
      [
        'json',
        {
          outputFile: `../../test-results/${process.env.COINBOOK_TEST_PGLITE ? 'api-pglite' : 'api'}.json`,
        },
      ],
    ],
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Files share one PostgreSQL database; they isolate by merchant, so they may run in parallel.
    fileParallelism: true,
  },
})
