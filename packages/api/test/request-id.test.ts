import { randomUUID } from 'node:crypto'
import { Queue } from 'bullmq'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { BullJobRunner } from '../src/jobs/bullmq.js'
import { customersBulkJob } from '../src/jobs/definitions/customers-bulk.js'
import { InlineJobRunner } from '../src/jobs/inline.js'
import { defineJob, type JobDeps, type JobRunner } from '../src/jobs/runner.js'
import { withLogContext } from '../src/observability/log-context.js'
import { logger, setLogDestination, setLogLevel } from '../src/observability/logger.js'
import { createCustomer } from './factories.js'
import { createTestApp, type TestApp } from './harness.js'

// A request's id in the log lines of the jobs it enqueues, on the in-process runner and on BullMQ.
const redisUrl = process.env.REDIS_URL
if (!redisUrl && process.env.CI) throw new Error('CI is set but REDIS_URL is not: the queue tests need Redis')

/** Every line this process logs during the file, as written (JSON text) and parsed. */
const written: string[] = []
const lines = () => written.map((l) => JSON.parse(l) as Record<string, unknown>)
let before: ReturnType<typeof setLogDestination>
let level: string
beforeAll(() => {
  before = setLogDestination({ write: (line: string) => void written.push(line) })
  level = logger.level
  setLogLevel('debug')
})
afterAll(() => {
  setLogDestination(before)
  setLogLevel(level)
})

async function eventually(check: () => boolean, ms = 15_000) {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** A queue prefix of this file's own, so no other worker on the same Redis takes its jobs. */
const prefix = `coinbook-test-${randomUUID()}`
const runners: [string, (core: JobDeps) => JobRunner][] = [
  ['in-process', (core) => new InlineJobRunner(core)],
]
if (redisUrl) runners.push(['BullMQ on Redis', (core) => new BullJobRunner(redisUrl, core, { prefix })])

/** A job that logs, and one that enqueues it: a request's id must reach the second hop too. */
function chain(runner: () => JobRunner) {
  const tag = randomUUID()
  const child = defineJob({
    id: `test.child-${tag}`,
    version: 1,
    schema: z.object({ n: z.number() }),
    handler: async ({ n }) => logger.info({ n }, 'child ran'),
  })
  const parent = defineJob({
    id: `test.parent-${tag}`,
    version: 1,
    schema: z.object({ n: z.number() }),
    handler: async ({ n }) => runner().enqueue(child, { n }),
  })
  return { child, parent }
}

const queuesUsed: string[] = []
afterAll(async () => {
  if (!redisUrl) return
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null })
  for (const id of queuesUsed) {
    const q = new Queue(id, { connection, prefix })
    await q.obliterate({ force: true })
    await q.close()
  }
  connection.disconnect()
})

describe.each(runners)('a request id followed into its jobs (%s)', (_name, make) => {
  let t: TestApp
  const { child, parent } = chain(() => t.jobs)
  beforeAll(async () => {
    t = await createTestApp({ jobs: make })
    await t.jobs.start([customersBulkJob, parent, child])
    queuesUsed.push(customersBulkJob.id, parent.id, child.id)
  })
  afterAll(() => t.close())

  it('every line of the job a request enqueues carries its X-Request-Id, and no line a secret', async () => {
    const owner = await t.signup()
    const key = await t.apiKey(owner, 'admin')
    const secret = key.headers.authorization?.replace('Bearer ', '') ?? ''
    expect(secret.length).toBeGreaterThan(20)
    const customer = await createCustomer(t, owner)
    const requestId = `req-${randomUUID()}`

    const res = await t.request('POST', '/api/v1/customers/bulk', {
      as: key,
      headers: { 'x-request-id': requestId },
      body: { action: 'addTags', selection: { ids: [customer.id] }, params: { tags: ['traced'] } },
    })
    expect(res.status).toBe(202)
    expect(res.headers.get('x-request-id')).toBe(requestId)
    const jobId = res.body.id as string
    await eventually(() => lines().some((l) => l.jobId === jobId && l.msg === 'job done'))

    const jobLines = lines().filter((l) => l.jobId === jobId)
    expect(jobLines.map((l) => l.msg)).toEqual(['job started', 'bulk action finished', 'job done'])
    for (const line of jobLines) expect(line).toMatchObject({ requestId, queue: 'customers.bulk', jobId })
    expect(jobLines[1]).toMatchObject({ merchantId: owner.merchantId, status: 'completed', changed: 1 })
    expect(lines().find((l) => l.msg === 'request' && l.requestId === requestId)).toMatchObject({
      route: '/api/v1/customers/bulk',
      status: 202,
    })
    // The key went through the auth middleware and the request's log line; the session cookie too.
    const cookie = owner.headers.cookie?.split('=')[1] ?? ''
    expect(cookie.length).toBeGreaterThan(20)
    for (const line of written) {
      expect(line).not.toContain(secret)
      expect(line).not.toContain(cookie)
      expect(line).not.toContain('correct horse battery')
    }
  })

  it('a job enqueued by that job keeps the request id; one enqueued outside a request has none', async () => {
    const requestId = `req-${randomUUID()}`
    await withLogContext({ requestId }, () => t.jobs.enqueue(parent, { n: 1 }))
    await t.jobs.enqueue(parent, { n: 2 })
    await eventually(() => lines().filter((l) => l.queue === child.id && l.msg === 'job done').length === 2)

    const ran = lines().filter((l) => l.queue === child.id && l.msg === 'child ran')
    expect(ran.find((l) => l.n === 1)).toMatchObject({ requestId, queue: child.id })
    const unrequested = ran.find((l) => l.n === 2)
    expect(unrequested).toMatchObject({ queue: child.id })
    expect(unrequested).not.toHaveProperty('requestId')
    for (const line of lines().filter((l) => l.queue === parent.id || l.queue === child.id)) {
      expect(typeof line.jobId).toBe('string')
    }
  })

  it('an X-Request-Id that is not a plain token is replaced by a fresh one, echoed and logged', async () => {
    const owner = await t.signup()
    for (const given of ['two words', 'quote"brace}', 'x'.repeat(256)]) {
      const res = await t.request('GET', '/api/v1/customers', {
        as: owner,
        headers: { 'x-request-id': given },
      })
      expect(res.status).toBe(200)
      const echoed = res.headers.get('x-request-id') ?? ''
      expect(echoed).toMatch(/^[0-9a-f-]{36}$/)
      expect(lines().find((l) => l.msg === 'request' && l.requestId === echoed)).toBeDefined()
      const asJson = JSON.stringify(given).slice(1, -1)
      expect(written.some((l) => l.includes(given) || l.includes(asJson))).toBe(false)
    }
    const problem = await t.request('GET', '/api/v1/customers', { headers: { 'x-request-id': 'no-session' } })
    expect(problem.status).toBe(401)
    expect(problem.headers.get('x-request-id')).toBe('no-session')
  })
})
