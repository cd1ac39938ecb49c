import { Queue, Worker } from 'bullmq'
import { Redis } from 'ioredis'
import type { z } from 'zod'
import { logger } from '../observability/logger.js'
import { type EnqueueOptions, type JobDefinition, type JobDeps, type JobRunner, runJob } from './runner.js'

const PREFIX = 'coinbook'

/** BullMQ on Redis: one queue per job id, so a worker process can choose which queues it serves. */
export class BullJobRunner implements JobRunner {
  readonly kind = 'bullmq' as const
  private readonly connection: Redis
  private readonly queues = new Map<string, Queue>()
  private readonly workers: Worker[] = []

  constructor(
    url: string,
    private readonly deps: JobDeps,
  ) {
    // BullMQ requires maxRetriesPerRequest: null for blocking worker connections.
    this.connection = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false })
  }

  private queue(id: string): Queue {
    let q = this.queues.get(id)
    if (!q) {
      q = new Queue(id, { connection: this.connection, prefix: PREFIX })
      this.queues.set(id, q)
    }
    return q
  }

  async enqueue<S extends z.ZodType>(job: JobDefinition<S>, payload: z.infer<S>, opts: EnqueueOptions = {}) {
    const data = job.schema.parse(payload)
    await this.queue(job.id).add(job.id, data, {
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
          await runJob(job, job.schema.parse(j.data), this.deps)
        },
        { connection: this.connection.duplicate(), prefix: PREFIX, concurrency: job.repeatEveryMs ? 1 : 4 },
      )
      worker.on('error', (err) => logger.error({ job: job.id, err }, 'worker error'))
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
