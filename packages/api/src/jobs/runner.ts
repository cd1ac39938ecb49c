import { z } from 'zod'
import type { CoreDeps } from '../context.js'
import { currentLogContext, withLogContext } from '../observability/log-context.js'
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

/**
 * What a job carries beside its payload: the id of the request that enqueued it, or of the request
 * behind the job that did. Read back from the queue, so checked like any input (hono's request-id rule).
 */
export const jobOriginSchema = z.object({
  requestId: z
    .string()
    .max(255)
    .regex(/^[\w\-=]+$/)
    .optional(),
})
export type JobOrigin = z.infer<typeof jobOriginSchema>

/**
 * The first step of every enqueue, in both runners: the payload validated, and the request being
 * served here (an HTTP request, or a job started by one) noted as the job's origin.
 */
export function prepareJob<S extends z.ZodType>(
  job: JobDefinition<S>,
  payload: z.infer<S>,
): { data: z.infer<S>; origin: JobOrigin } {
  const data = job.schema.parse(payload)
  const requestId = currentLogContext()?.requestId
  return { data, origin: requestId ? { requestId } : {} }
}

/** One run of a job: its id in the queue, which attempt this is, and the request behind it if any. */
export interface JobRun extends JobOrigin {
  jobId: string
  attempt: number
}

/**
 * Runs one job's handler, timing it and counting its failures; the runner decides about retries. Every
 * log line written inside (by the handler and the services it calls) carries the queue, the job id and
 * the origin's requestId, and jobs it enqueues keep that requestId.
 */
export async function runJob(
  job: JobDefinition,
  payload: unknown,
  deps: JobDeps,
  run: JobRun,
): Promise<void> {
  const context = { ...(run.requestId ? { requestId: run.requestId } : {}), queue: job.id, jobId: run.jobId }
  await withLogContext(context, async () => {
    const started = performance.now()
    const end = metrics.jobDuration.startTimer({ job: job.id })
    logger.debug({ attempt: run.attempt }, 'job started')
    try {
      await job.handler(payload, deps)
      end({ outcome: 'ok' })
    } catch (err) {
      end({ outcome: 'error' })
      metrics.jobFailures.inc({ job: job.id })
      logger.warn({ attempt: run.attempt, err }, 'job run failed')
      throw err
    }
    // Repeating jobs run every few seconds: their runs are noise unless they say something themselves.
    const ms = Math.round(performance.now() - started)
    logger[job.repeatEveryMs ? 'debug' : 'info']({ attempt: run.attempt, ms }, 'job done')
  })
}
