import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // The JSON report feeds the one-line total that `pnpm test` prints last (scripts/test-summary.mjs).
    reporters: ['default', ['json', { outputFile: '../../test-results/chain-watchers.json' }]],
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Anvil-backed suites start a node per file and mine blocks; the defaults (5 s / 10 s) are too tight.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
