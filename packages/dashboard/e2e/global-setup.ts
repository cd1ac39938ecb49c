import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'vite'
import type { TestProject } from 'vitest/node'
import { apiDir, dashboardDir, type RunningApi, startApi } from './server'

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string
  }
}

/**
 * Builds the dashboard, then starts the real server on a free port serving it: with the embedded
 * PGlite in a fresh temporary folder, or the PostgreSQL of DATABASE_URL when set (CI), emptied first: the
 * API's tests ran there before and left wallets behind whose keys the e2e tests connect again (a key two
 * merchants share is refused).
 */
export default async function setup(project: TestProject) {
  // Vitest runs with NODE_ENV=test, which would make vite bundle React's development build.
  const nodeEnv = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  try {
    await build({
      root: dashboardDir,
      mode: 'production',
      logLevel: 'warn',
      configFile: join(dashboardDir, 'vite.config.ts'),
    })
  } finally {
    process.env.NODE_ENV = nodeEnv
  }
  const dist = join(dashboardDir, 'dist')
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`vite build left no ${dist}/index.html`)

  if (process.env.DATABASE_URL) await emptyDatabase(process.env.DATABASE_URL)
  const dataDir = await mkdtemp(join(tmpdir(), 'coinbook-e2e-'))
  let api: RunningApi | undefined
  try {
    api = await startApi({ COINBOOK_DATA_DIR: dataDir, COINBOOK_DASHBOARD_DIR: dist, LOG_LEVEL: 'warn' })
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true })
    throw error
  }
  project.provide('baseURL', api.baseURL)

  return async () => {
    await api?.stop()
    await rm(dataDir, { recursive: true, force: true })
  }
}

/** Drops every table (the server migrates again when it starts), with the API package's own pg driver. */
async function emptyDatabase(url: string) {
  const pg = createRequire(join(apiDir, 'package.json'))('pg') as {
    Client: new (options: {
      connectionString: string
    }) => { connect(): Promise<void>; query(sql: string): Promise<unknown>; end(): Promise<void> }
  }
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public')
  } finally {
    await client.end()
  }
}
