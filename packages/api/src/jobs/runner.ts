import type { z } from 'zod'
import type { CoreDeps } from '../context.js'
import { logger } from '../observability/logger.js'
import { metrics } from '../observability/metrics.js'

/** What a job handler may use. */
export type JobDeps = CoreDeps

/** One job: an id (also its queue name), a version, a zod payload, and a handler. */
export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  id: string
  version: number
  schema: S
  /** Run every N ms as a singleton (one at a time across all workers). */
  repeatEveryMs?: number
  /** Attempts before a job is marked failed; retried with exponential backoff. */
  attempts?: number
  handler: (payload: z.infer<S>, deps: JobDeps) => Promise<void>
}

export interface EnqueueOptions {
  /** Same id, same job: a second enqueue with an id already waiting or running is a no-op. */
  jobId?: string
  delayMs?: number
}

/** The queue behind jobs: BullMQ on Redis in production, an in-process runner embedded. */
export interface JobRunner {
  readonly kind: 'bullmq' | 'inline'
  enqueue<S extends z.ZodType>(
    job: JobDefinition<S>,
    payload: z.infer<S>,
    opts?: EnqueueOptions,
  ): Promise<void>
  /** Starts processing these jobs in this process (workers); enqueue works without it. */
  start(jobs: JobDefinition[]): Promise<void>
  /** Throws when the queue's backing store does not answer. */
  ping(): Promise<void>
  close(): Promise<void>
}

export function defineJob<S extends z.ZodType>(def: JobDefinition<S>): JobDefinition<S> {
  return def
}

export function backoffMs(attempt: number): number {
  return Math.min(60_000, 500 * 2 ** (attempt - 1))
}

/** Runs one job's handler, timing it and counting its failures; the runner decides about retries. */
export async function runJob(job: JobDefinition, payload: unknown, deps: JobDeps): Promise<void> {
  const end = metrics.jobDuration.startTimer({ job: job.id })
  try {
    await job.handler(payload, deps)
    end({ outcome: 'ok' })
  } catch (err) {
    end({ outcome: 'error' })
    metrics.jobFailures.inc({ job: job.id })
    logger.warn({ job: job.id, err }, 'job run failed')
    throw err
  }
}
