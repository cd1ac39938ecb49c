import { defineConfig } from 'vitest/config'

/**
 * End-to-end: global setup builds the dashboard and starts the real API (which serves it), the test
 * drives Debian's chromium through playwright-core.
 */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    reporters: ['default', ['json', { outputFile: '../../test-results/dashboard-e2e.json' }]],
  },
})
