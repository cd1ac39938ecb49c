import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

/** Component tests: React in happy-dom, no server. */
export default defineConfig({
  plugins: [react()],
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'happy-dom',
    setupFiles: ['src/test/setup.ts'],
    reporters: ['default', ['json', { outputFile: '../../test-results/dashboard.json' }]],
  },
})
