import cluster from 'node:cluster'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { serve } from '@hono/node-server'
import { createApp } from './app.js'
import { Chains } from './chains/index.js'
import { systemClock } from './clock.js'
import { type Config, ConfigError, loadConfig } from './config.js'
import { connectDatabase } from './db/connect.js'
import { migrateToLatest, waitForMigrations } from './db/migrate.js'
import { closeRateLimits } from './http/middleware/rate-limit.js'
import { allJobs, createJobRunner, selectJobs, UnknownQueueError } from './jobs/index.js'
import { endCheckoutStreams } from './modules/checkout/routes/events.js'
import { createRateProvider } from './modules/rates/index.js'
import { createWorkerHealthApp } from './modules/system/worker-health.js'

const USAGE = `Usage: coinbook <command>
  start     API, dashboard and jobs in one process (the embedded default)
  api       HTTP API and dashboard only; API_PROCESSES=n runs n of them on one port
  worker    background jobs only; --queues a,b runs only those queues (job ids, or a prefix like chain.*)
  migrate   apply database migrations and exit
MIGRATE_ON_START=false makes start, api and worker wait for \`coinbook migrate\` instead of migrating.`

type Command = 'start' | 'api' | 'worker' | 'migrate'

async function main(command: Command, queues: string[]) {
  const config = loadConfig()
  if (command === 'api' && config.API_PROCESSES > 1 && cluster.isPrimary) return superviseApi(config)
  // Checked before connecting, so a typo in --queues fails at once with the list of valid names.
  const workerJobs = selectJobs(allJobs(config, new Chains(config)), queues)
  const handle = await connectDatabase({
    url: config.DATABASE_URL,
    dataDir: join(config.COINBOOK_DATA_DIR, 'pgdata'),
    poolSize: config.DATABASE_POOL_SIZE,
  })
  if (command === 'migrate' || config.MIGRATE_ON_START) {
    const migrated = await migrateToLatest(handle.db)
    const applied = migrated.results?.filter((r) => r.status === 'Success').map((r) => r.migrationName) ?? []
    log('info', 'database ready', { kind: handle.kind, applied })
  } else {
    await waitForMigrations(handle.db, {
      onWait: (pending) => log('info', 'waiting for `coinbook migrate`', { pending }),
    })
    log('info', 'database ready', { kind: handle.kind, migrated: false })
  }
  if (command === 'migrate') return handle.close()

  const core = {
    db: handle.db,
    config,
    chains: new Chains(config),
    rates: createRateProvider(config),
    clock: systemClock,
  }
  const jobs = createJobRunner(config, core)
  if (command !== 'api') await jobs.start(command === 'worker' ? workerJobs : allJobs(config, core.chains))

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
  } else if (config.WORKER_HEALTH_PORT !== undefined) {
    const app = createWorkerHealthApp({ ...core, jobs })
    server = serve({ fetch: app.fetch, port: config.WORKER_HEALTH_PORT, hostname: config.HOST }, (info) => {
      log('info', `worker health on http://localhost:${info.port}/healthz`, { port: info.port })
    })
  }

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    log('info', 'shutting down', { signal })
    // Stop accepting, let in-flight requests finish, then let workers finish their jobs. Pay pages' event
    // streams would never finish on their own: they are ended and reconnect elsewhere.
    const closed = new Promise<void>((r) => (server ? server.close(() => r()) : r()))
    endCheckoutStreams()
    await closed
    await jobs.close()
    await closeRateLimits()
    await handle.close()
    process.exit(0)
  }
  process.on('SIGTERM', () => void stop('SIGTERM'))
  process.on('SIGINT', () => void stop('SIGINT'))
}

/**
 * `coinbook api` with API_PROCESSES > 1: migrates once (unless MIGRATE_ON_START=false), then forks that
 * many API processes sharing the port, replaces one that dies, and on SIGTERM/SIGINT stops them all and
 * waits for their in-flight requests.
 */
async function superviseApi(config: Config) {
  if (!config.DATABASE_URL) {
    throw new ConfigError([
      {
        variable: 'API_PROCESSES',
        message: 'above 1 needs DATABASE_URL: the embedded database is one process’s',
      },
    ])
  }
  if (config.MIGRATE_ON_START) {
    const handle = await connectDatabase({ url: config.DATABASE_URL, poolSize: 1 })
    await migrateToLatest(handle.db)
    await handle.close()
  }
  let stopping = false
  const fork = () => cluster.fork({ MIGRATE_ON_START: 'false' })
  for (let i = 0; i < config.API_PROCESSES; i++) fork()
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return
    log('error', 'an API process died; starting another', { pid: worker.process.pid, code, signal })
    setTimeout(fork, 1000)
  })
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    log('info', 'shutting down the API processes', { signal })
    const workers = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined)
    let left = workers.length
    if (left === 0) process.exit(0)
    for (const w of workers) {
      w.once('exit', () => {
        if (--left === 0) process.exit(0)
      })
      w.process.kill(signal)
    }
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}

function log(level: string, msg: string, extra: Record<string, unknown> = {}) {
  console.log(JSON.stringify({ level, time: new Date().toISOString(), msg, ...extra }))
}

/** `--queues a,b` or `--queues=a,b`, only after `worker`: the names, [] without it, undefined when wrong. */
function parseQueues(command: Command, args: string[]): string[] | undefined {
  if (args.length === 0) return []
  if (command !== 'worker') return undefined
  const [first = '', second] = args
  const value =
    args.length === 2 && first === '--queues'
      ? second
      : args.length === 1 && first.startsWith('--queues=')
        ? first.slice('--queues='.length)
        : undefined
  const names = value
    ?.split(',')
    .map((n) => n.trim())
    .filter(Boolean)
  return names?.length ? names : undefined
}

const command = (process.argv[2] ?? 'start') as Command
const queues = parseQueues(command, process.argv.slice(3))
if (!['start', 'api', 'worker', 'migrate'].includes(command) || !queues) {
  console.error(USAGE)
  process.exit(2)
}
main(command, queues).catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof UnknownQueueError) {
    console.error(err.message)
  } else {
    console.error(err)
  }
  process.exit(1)
})
