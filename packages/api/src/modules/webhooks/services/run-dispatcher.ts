import { setTimeout as sleep } from 'node:timers/promises'
import { logger } from '../../../observability/logger.js'
import { RETRY_SCHEDULE_MS } from '../retry-schedule.js'
import {
  type AttemptOptions,
  type DispatchDeps,
  type EndedAttempt,
  loadBodies,
  recordAttempts,
  sendAttempt,
} from './attempt-delivery.js'
import { claimDeliveries } from './claim-deliveries.js'

export interface DispatcherOptions {
  /** Stop claiming after this long and return once in-flight deliveries end (a job run's length). */
  runForMs?: number
  signal?: AbortSignal
  /** Deliveries in flight at once in this process. */
  concurrency?: number
  /** Deliveries in flight at once per endpoint. */
  perEndpoint?: number
  /** Wait between looks at an empty outbox. */
  idlePollMs?: number
  leaseMs?: number
  retryScheduleMs?: readonly number[]
  timeoutMs?: number
  /** Only these merchants' deliveries (tests, which share one database). */
  merchantIds?: readonly string[]
}

/**
 * Writes ended attempts in batches: while one batch is being written the next accumulates, so under load
 * a statement records many successes, and an idle dispatcher writes each at once. If a batch fails, its
 * attempts are written one by one, so one bad row costs no other its record.
 */
class AttemptRecorder {
  private queue: { attempt: EndedAttempt; done: (err?: unknown) => void }[] = []
  private writing = false

  constructor(
    private readonly deps: DispatchDeps,
    private readonly opts: AttemptOptions,
    private readonly maxBatch = 256,
  ) {}

  record(attempt: EndedAttempt): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ attempt, done: (err) => (err === undefined ? resolve() : reject(err)) })
      if (!this.writing) void this.drain()
    })
  }

  private async drain() {
    this.writing = true
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch)
      try {
        await recordAttempts(
          this.deps.db,
          batch.map((b) => b.attempt),
          this.opts,
        )
        for (const b of batch) b.done()
      } catch (batchErr) {
        if (batch.length === 1) {
          batch[0]?.done(batchErr)
          continue
        }
        for (const b of batch) {
          await recordAttempts(this.deps.db, [b.attempt], this.opts).then(
            () => b.done(),
            (err: unknown) => b.done(err ?? new Error('attempt not recorded')),
          )
        }
      }
    }
    this.writing = false
  }
}

export const DISPATCH_DEFAULTS = {
  concurrency: 64,
  perEndpoint: 16,
  idlePollMs: 200,
  // Longer than the 15 s request timeout plus writing the result.
  leaseMs: 60_000,
} as const

/**
 * The outbox dispatcher: claims due deliveries whenever it has room, sends them concurrently (capped per
 * endpoint), records each attempt as it ends, and looks again at once while there is work, else every
 * `idlePollMs`. Attempts are recorded in batches (see AttemptRecorder). Any number of dispatchers may
 * run (SKIP LOCKED claims); a killed one's claims expire.
 */
export async function runDispatcher(
  deps: DispatchDeps,
  opts: DispatcherOptions = {},
): Promise<{ attempted: number; succeeded: number }> {
  const concurrency = opts.concurrency ?? DISPATCH_DEFAULTS.concurrency
  const perEndpoint = opts.perEndpoint ?? DISPATCH_DEFAULTS.perEndpoint
  const idle = opts.idlePollMs ?? DISPATCH_DEFAULTS.idlePollMs
  const attemptOpts: AttemptOptions = {
    trigger: 'schedule',
    retryScheduleMs: opts.retryScheduleMs ?? RETRY_SCHEDULE_MS,
    ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
  }
  const end = opts.runForMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + opts.runForMs
  const recorder = new AttemptRecorder(deps, attemptOpts)
  const inFlight = new Map<string, number>()
  const running = new Set<Promise<void>>()
  let attempted = 0
  let succeeded = 0
  const stopped = () => opts.signal?.aborted === true || Date.now() >= end
  const pause = (ms: number) =>
    sleep(ms, undefined, opts.signal ? { signal: opts.signal } : {}).catch(() => {})

  while (!stopped()) {
    let claimed: Awaited<ReturnType<typeof claimDeliveries>> = []
    try {
      claimed = await claimDeliveries(deps.db, {
        limit: concurrency - running.size,
        leaseMs: opts.leaseMs ?? DISPATCH_DEFAULTS.leaseMs,
        inFlight,
        perEndpoint,
        merchantIds: opts.merchantIds,
      })
    } catch (err) {
      logger.error({ err }, 'webhook claim failed')
      await pause(idle * 5)
      continue
    }
    if (claimed.length > 0) {
      const [bodies, endpoints] = await Promise.all([
        loadBodies(deps.db, claimed),
        deps.db
          .selectFrom('webhook_endpoints')
          .selectAll()
          .where('id', 'in', [...new Set(claimed.map((d) => d.endpoint_id))])
          .execute(),
      ])
      const byId = new Map(endpoints.map((e) => [e.id, e]))
      for (const delivery of claimed) {
        const endpoint = byId.get(delivery.endpoint_id)
        // Deleted since the claim: the row went with it.
        if (!endpoint) continue
        inFlight.set(endpoint.id, (inFlight.get(endpoint.id) ?? 0) + 1)
        // The slot is held until the attempt is recorded: at most `concurrency` unrecorded at once.
        const p: Promise<void> = sendAttempt(deps, delivery, endpoint, bodies.get(delivery.id), attemptOpts)
          .then(async (ended) => {
            await recorder.record(ended)
            attempted++
            if (ended.result.ok) succeeded++
          })
          .catch((err: unknown) =>
            logger.error({ err, deliveryId: delivery.id }, 'webhook attempt not recorded'),
          )
          .finally(() => {
            running.delete(p)
            const n = (inFlight.get(endpoint.id) ?? 1) - 1
            if (n <= 0) inFlight.delete(endpoint.id)
            else inFlight.set(endpoint.id, n)
          })
        running.add(p)
      }
    }
    if (running.size >= concurrency) await Promise.race(running)
    else if (claimed.length === 0)
      await (running.size > 0 ? Promise.race([...running, pause(idle)]) : pause(idle))
  }
  await Promise.allSettled(running)
  return { attempted, succeeded }
}
