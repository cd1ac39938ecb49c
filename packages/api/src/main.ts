import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { serve } from '@hono/node-server'
import { createApp } from './app.js'
import { Chains } from './chains/index.js'
import { ConfigError, loadConfig } from './config.js'
import { connectDatabase } from './db/connect.js'
import { migrateToLatest } from './db/migrate.js'
import { allJobs, createJobRunner } from './jobs/index.js'
import { createRateProvider } from './modules/rates/index.js'

const USAGE = `Usage: coinbook <command>
  start     API, dashboard and jobs in one process (the embedded default)
  api       HTTP API and dashboard only
  worker    background jobs only
  migrate   apply database migrations and exit`

type Command = 'start' | 'api' | 'worker' | 'migrate'

async function main(command: Command) {
  const config = loadConfig()
  const handle = await connectDatabase({
    url: config.DATABASE_URL,
    dataDir: join(config.COINBOOK_DATA_DIR, 'pgdata'),
    poolSize: config.DATABASE_POOL_SIZE,
  })
  const migrated = await migrateToLatest(handle.db)
  const applied = migrated.results?.filter((r) => r.status === 'Success').map((r) => r.migrationName) ?? []
  log('info', 'database ready', { kind: handle.kind, applied })
  if (command === 'migrate') return handle.close()

  const core = { db: handle.db, config, chains: new Chains(config), rates: createRateProvider(config) }
  const jobs = createJobRunner(config, core)
  if (command !== 'api') await jobs.start(allJobs(config, core.chains))

  let server: ReturnType<typeof serve> | undefined
  if (command !== 'worker') {
    const here = fileURLToPath(new URL('.', import.meta.url))
    const dashboardDir = config.COINBOOK_DASHBOARD_DIR ?? resolve(here, '../../dashboard/dist')
    const app = createApp({ ...core, jobs }, { dashboardDir })
    server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
      log('info', `Coinbook is listening on http://localhost:${info.port}`, {
        database: handle.kind,
        queue: jobs.kind,
        command,
      })
    })
  }

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    log('info', 'shutting down', { signal })
    // Stop accepting, let in-flight requests finish, then let workers finish their jobs.
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()))
    await jobs.close()
    await handle.close()
    process.exit(0)
  }
  process.on('SIGTERM', () => void stop('SIGTERM'))
  process.on('SIGINT', () => void stop('SIGINT'))
}

function log(level: string, msg: string, extra: Record<string, unknown> = {}) {
  console.log(JSON.stringify({ level, time: new Date().toISOString(), msg, ...extra }))
}

const command = (process.argv[2] ?? 'start') as Command
if (!['start', 'api', 'worker', 'migrate'].includes(command)) {
  console.error(USAGE)
  process.exit(2)
}
main(command).catch((err: unknown) => {
  if (err instanceof ConfigError) {
    console.error(err.message)
  } else {
    console.error(err)
  }
  process.exit(1)
})
