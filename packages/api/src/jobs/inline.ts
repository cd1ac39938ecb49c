import type { z } from 'zod'
import { logger } from '../observability/logger.js'
import {
  backoffMs,
  type EnqueueOptions,
  type JobDefinition,
  type JobDeps,
  type JobRun,
  type JobRunner,
  prepareJob,
  runJob,
} from './runner.js'

/**
 * Runs jobs in this process: the embedded default when REDIS_URL is unset. Same contract as BullMQ —
 * payloads validated, job ids deduplicated while pending, retries with backoff, repeatables as singletons.
 */
export class InlineJobRunner implements JobRunner {
  readonly kind = 'inline' as const
  private readonly pending = new Set<string>()
  private readonly timers = new Set<NodeJS.Timeout>()
  private readonly running = new Set<Promise<void>>()
  private closed = false
  private sequence = 0

  constructor(private readonly deps: JobDeps) {}

  async enqueue<S extends z.ZodType>(job: JobDefinition<S>, payload: z.infer<S>, opts: EnqueueOptions = {}) {
    const { data, origin } = prepareJob(job, payload)
    const key = opts.jobId ? `${job.id}:${opts.jobId}` : undefined
    if (key && this.pending.has(key)) return
    if (key) this.pending.add(key)
    // Numbered like BullMQ's own ids when the caller gives none, so a run's log lines can be told apart.
    const run = { ...origin, jobId: opts.jobId ?? String(++this.sequence), attempt: 1 }
    this.schedule(() => this.run(job, data, run, key), opts.delayMs ?? 0)
  }

  async start(jobs: JobDefinition[]) {
    for (const job of jobs) {
      const every = job.repeatEveryMs
      if (every) {
        const t = setInterval(() => void this.enqueue(job, {}, { jobId: 'repeat' }), every)
        t.unref()
        this.timers.add(t)
      }
    }
  }

  async ping() {}

  async close() {
    this.closed = true
    for (const t of this.timers) clearTimeout(t)
    this.timers.clear()
    await Promise.allSettled([...this.running])
  }

  private schedule(fn: () => Promise<void>, delayMs: number) {
    if (this.closed) return
    const t = setTimeout(() => {
      this.timers.delete(t)
      const p = fn().finally(() => this.running.delete(p))
      this.running.add(p)
    }, delayMs)
    this.timers.add(t)
  }

  private async run(job: JobDefinition, data: unknown, run: JobRun, key?: string): Promise<void> {
    try {
      await runJob(job, data, this.deps, run)
      if (key) this.pending.delete(key)
    } catch (err) {
      if (run.attempt < (job.attempts ?? 3)) {
        const next = { ...run, attempt: run.attempt + 1 }
        this.schedule(() => this.run(job, data, next, key), backoffMs(run.attempt))
        return
      }
      if (key) this.pending.delete(key)
      const { requestId, jobId, attempt } = run
      logger.error({ requestId, queue: job.id, jobId, attempt, err }, 'job failed after its last attempt')
    }
  }
}
