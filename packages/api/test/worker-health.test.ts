import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// `coinbook worker` with WORKER_HEALTH_PORT: a real worker process, as an orchestrator's probes see it.
const TOKEN = 'worker-metrics-token-0123456789'
let worker: ChildProcess
let base: string
let dataDir: string
let output = ''

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'coinbook-worker-'))
  worker = spawn(process.execPath, ['bin/coinbook.js', 'worker', '--queues', 'auth.prune-sessions'], {
    cwd: join(import.meta.dirname, '..'),
    env: {
      ...process.env,
      COINBOOK_DATA_DIR: dataDir,
      WORKER_HEALTH_PORT: '0',
      HOST: '127.0.0.1',
      METRICS_TOKEN: TOKEN,
      RATES_PROVIDER: 'fixed',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start:\n${output}`)), 90_000)
    const read = (chunk: Buffer) => {
      output += chunk.toString()
      const port = /worker health on http:\/\/localhost:(\d+)/.exec(output)?.[1]
      if (port) {
        clearTimeout(timer)
        resolve(`http://127.0.0.1:${port}`)
      }
    }
    worker.stdout?.on('data', read)
    worker.stderr?.on('data', read)
    worker.on('exit', (code) => reject(new Error(`worker exited with ${code}:\n${output}`)))
  })
}, 120_000)

afterAll(async () => {
  if (worker.exitCode === null) worker.kill('SIGKILL')
  await rm(dataDir, { recursive: true, force: true })
})

describe('a worker’s health port', () => {
  it('answers liveness, and readiness once its database and queue answer', async () => {
    const live = await fetch(`${base}/healthz`)
    expect(live.status).toBe(200)
    expect(await live.json()).toEqual({ status: 'ok' })
    const ready = await fetch(`${base}/readyz`)
    expect(ready.status).toBe(200)
    expect(await ready.json()).toMatchObject({
      status: 'ready',
      checks: { database: 'ok', queue: 'ok' },
      queue: process.env.REDIS_URL ? 'bullmq' : 'inline',
    })
  })

  it('serves its job metrics to Prometheus with the token, and nothing else', async () => {
    expect((await fetch(`${base}/metrics`)).status).toBe(401)
    const res = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('coinbook_job_duration_seconds')
    const api = await fetch(`${base}/api/v1/customers`)
    expect(api.status).toBe(404)
  })

  it('stops cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((r) => worker.once('exit', (code) => r(code)))
    worker.kill('SIGTERM')
    expect(await exited).toBe(0)
  }, 30_000)
})
