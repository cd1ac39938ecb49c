import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { Chains } from '../src/chains/index.js'
import { systemClock } from '../src/clock.js'
import { loadConfig } from '../src/config.js'
import type { DatabaseHandle } from '../src/db/connect.js'
import { BullJobRunner } from '../src/jobs/bullmq.js'
import { InlineJobRunner } from '../src/jobs/inline.js'
import { defineJob, type JobRunner } from '../src/jobs/runner.js'
import { createRateProvider } from '../src/modules/rates/index.js'
import { openTestDatabase } from './harness.js'

const redisUrl = process.env.REDIS_URL
if (!redisUrl && process.env.CI) throw new Error('CI is set but REDIS_URL is not: the queue tests need Redis')

let handle: DatabaseHandle
function coreDeps() {
  const config = loadConfig({ RATES_PROVIDER: 'fixed' })
  return {
    db: handle.db,
    config,
    chains: new Chains(config),
    rates: createRateProvider(config),
    clock: systemClock,
  }
}
beforeAll(async () => {
  handle = await openTestDatabase()
})
afterAll(() => handle.close())

async function eventually(check: () => boolean, ms = 10_000) {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 20))
  }
}

const runners: [string, () => JobRunner][] = [['in-process', () => new InlineJobRunner(coreDeps())]]
if (redisUrl) runners.push(['BullMQ on Redis', () => new BullJobRunner(redisUrl, coreDeps())])

describe.each(runners)('%s job runner', (_name, make) => {
  it('runs an enqueued job with its validated payload', async () => {
    const seen: string[] = []
    const job = defineJob({
      id: `test.echo-${randomUUID()}`,
      version: 1,
      schema: z.object({ word: z.string() }),
      handler: async ({ word }) => {
        seen.push(word)
      },
    })
    const runner = make()
    await runner.start([job])
    await runner.enqueue(job, { word: 'hello' })
    await eventually(() => seen.length === 1)
    expect(seen).toEqual(['hello'])
    await expect(runner.enqueue(job, { word: 42 } as never)).rejects.toThrow()
    await runner.close()
  })

  it('retries a failing job with backoff until it succeeds', async () => {
    let calls = 0
    const job = defineJob({
      id: `test.flaky-${randomUUID()}`,
      version: 1,
      schema: z.object({}),
      attempts: 3,
      handler: async () => {
        calls++
        if (calls < 2) throw new Error('transient')
      },
    })
    const runner = make()
    await runner.start([job])
    await runner.enqueue(job, {})
    await eventually(() => calls === 2)
    await new Promise((r) => setTimeout(r, 300))
    expect(calls).toBe(2)
    await runner.close()
  })

  it('runs a job id once while it is pending', async () => {
    let calls = 0
    const job = defineJob({
      id: `test.once-${randomUUID()}`,
      version: 1,
      schema: z.object({}),
      handler: async () => {
        calls++
      },
    })
    const runner = make()
    await runner.enqueue(job, {}, { jobId: 'same', delayMs: 200 })
    await runner.enqueue(job, {}, { jobId: 'same', delayMs: 200 })
    await runner.start([job])
    await eventually(() => calls >= 1)
    await new Promise((r) => setTimeout(r, 500))
    expect(calls).toBe(1)
    await runner.close()
  })

  it('answers a readiness ping', async () => {
    const runner = make()
    await expect(runner.ping()).resolves.toBeUndefined()
    await runner.close()
  })
})
