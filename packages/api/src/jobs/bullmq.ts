import { Queue, Worker } from 'bullmq'
import { Redis } from 'ioredis'
import type { z } from 'zod'
import { logger } from '../observability/logger.js'
import {
  type EnqueueOptions,
  type JobDefinition,
  type JobDeps,
  type JobOrigin,
  type JobRunner,
  jobOriginSchema,
  prepareJob,
  runJob,
} from './runner.js'

const PREFIX = 'coinbook'

/** The key beside the payload in a job's data that holds its origin; jobs of schedulers have none. */
const ORIGIN = '_origin'

/** The payload with its origin beside it (payloads are objects; anything else travels bare). */
function withOrigin(data: unknown, origin: JobOrigin): unknown {
  const plain = typeof data === 'object' && data !== null && !Array.isArray(data)
  return plain && origin.requestId ? { ...data, [ORIGIN]: origin } : data
}

/** Splits stored data into payload and origin; an origin that fails its schema is dropped, not fatal. */
function splitOrigin(data: unknown): { payload: unknown; origin: JobOrigin } {
  if (typeof data !== 'object' || data === null || !(ORIGIN in data)) return { payload: data, origin: {} }
  const { [ORIGIN]: stored, ...payload } = data as Record<string, unknown>
  const origin = jobOriginSchema.safeParse(stored)
  return { payload, origin: origin.success ? origin.data : {} }
}

/** BullMQ on Redis: one queue per job id, so a worker process can choose which queues it serves. */
export class BullJobRunner implements JobRunner {
  readonly kind = 'bullmq' as const
  private readonly connection: Redis
  private readonly queues = new Map<string, Queue>()
  private readonly workers: Worker[] = []
  private readonly prefix: string

  /** `prefix` keeps the Redis keys apart from other users of the same Redis (a test's own queues). */
  constructor(
    url: string,
    private readonly deps: JobDeps,
    opts: { prefix?: string } = {},
  ) {
    this.prefix = opts.prefix ?? PREFIX
    // BullMQ requires maxRetriesPerRequest: null for blocking worker connections.
    this.connection = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false })
  }

  private queue(id: string): Queue {
    let q = this.queues.get(id)
    if (!q) {
      q = new Queue(id, { connection: this.connection, prefix: this.prefix })
      this.queues.set(id, q)
    }
    return q
  }

  async enqueue<S extends z.ZodType>(job: JobDefinition<S>, payload: z.infer<S>, opts: EnqueueOptions = {}) {
    const { data, origin } = prepareJob(job, payload)
    await this.queue(job.id).add(job.id, withOrigin(data, origin), {
      ...(opts.jobId ? { jobId: opts.jobId } : {}),
      ...(opts.delayMs ? { delay: opts.delayMs } : {}),
      attempts: job.attempts ?? 3,
      backoff: { type: 'exponential', delay: 500 },
      removeOnComplete: { age: 3600, count: 1000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    })
  }

  async start(jobs: JobDefinition[]) {
    for (const job of jobs) {
      if (job.repeatEveryMs) {
        await this.queue(job.id).upsertJobScheduler(
          `${job.id}:repeat`,
          { every: job.repeatEveryMs },
          { data: {} },
        )
      }
      const worker = new Worker(
        job.id,
        async (j) => {
          const { payload, origin } = splitOrigin(j.data)
          const run = { ...origin, jobId: j.id ?? j.name, attempt: j.attemptsMade + 1 }
          await runJob(job, job.schema.parse(payload), this.deps, run)
        },
        {
          connection: this.connection.duplicate(),
          prefix: this.prefix,
          concurrency: job.repeatEveryMs ? 1 : 4,
        },
      )
      worker.on('error', (err) => logger.error({ queue: job.id, err }, 'worker error'))
      this.workers.push(worker)
    }
  }

  async ping() {
    await this.connection.ping()
  }

  async close() {
    await Promise.all(this.workers.map((w) => w.close()))
    await Promise.all([...this.queues.values()].map((q) => q.close()))
    this.connection.disconnect()
  }
}
