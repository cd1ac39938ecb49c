import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

/** Component tests: React in happy-dom, no server. */
export default defineConfig({
  plugins: [react()],
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'happy-dom',
    setupFiles: ['src/test/setup.ts'],
    // Form tests type character by character; on a loaded 2-CPU runner one took 6 s against the 5 s default.
    testTimeout: 20_000,
    reporters: ['default', ['json', { outputFile: '../../test-results/dashboard.json' }]],
  },
})
