import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const api = 'http://127.0.0.1:3000'

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    // In development the API runs on its own port; in production it serves this build on the same origin.
    proxy: { '/api': api, '/healthz': api },
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
})
