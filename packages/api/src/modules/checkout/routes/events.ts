import { createRoute } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { streamSSE } from 'hono/streaming'
import type { CoreDeps } from '../../../context.js'
import type { AppEnv } from '../../../http/env.js'
import { errorResponses } from '../../../http/openapi.js'
import { logger } from '../../../observability/logger.js'
import { checkoutStateSchema, tokenParam } from '../schema.js'
import { resolveToken } from '../services/checkout.js'
import { FINAL_STATUSES, loadCheckoutState } from '../services/live-state.js'

/** How often the stream reads the invoice: the database is the bus, so any process's writes show. */
const POLL_MS = 2_000
/** A comment this often keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 15_000
/** Streams end after this long and the browser reconnects: no connection outlives a deploy for long. */
const MAX_STREAM_MS = 10 * 60_000
/** What the browser waits before reconnecting after the stream ends or breaks. */
const RETRY_MS = 3_000

/** The streams of this process, so shutdown can end them instead of waiting up to MAX_STREAM_MS. */
const openStreams = new Set<AbortController>()

/** Ends every open events stream; the browsers reconnect (to another process) after RETRY_MS. */
export function endCheckoutStreams(): void {
  for (const stop of openStreams) stop.abort()
}

export const eventsRoute = createRoute({
  method: 'get',
  path: '/{token}/events',
  tags: ['Checkout (public)'],
  summary: 'The invoice’s live state as server-sent events',
  description:
    'A `state` event with the current state at once, then one whenever it changes; a comment as heartbeat. The stream ends once the invoice is paid, overpaid or void.',
  request: { params: tokenParam },
  responses: {
    200: {
      description: 'An event stream',
      content: { 'text/event-stream': { schema: checkoutStateSchema } },
    },
    404: errorResponses[404],
  },
})

/** Resolves the token first, so an unknown one is a plain 404 rather than an empty stream. */
export async function checkoutEvents(c: Context<AppEnv>, token: string) {
  const deps: CoreDeps = c.var.deps
  const found = await resolveToken(deps.db, token)
  const invoice = { merchantId: found.merchant_id, id: found.id }
  // Buffering proxies (nginx) would hold events back until the stream ends.
  c.header('X-Accel-Buffering', 'no')
  return streamSSE(c, async (stream) => {
    const stop = new AbortController()
    openStreams.add(stop)
    stream.onAbort(() => stop.abort())
    const sleep = (ms: number) =>
      new Promise<void>((resolve) => {
        if (stop.signal.aborted) return resolve()
        const done = () => {
          clearTimeout(timer)
          stop.signal.removeEventListener('abort', done)
          resolve()
        }
        const timer = setTimeout(done, ms)
        stop.signal.addEventListener('abort', done, { once: true })
      })
    const started = Date.now()
    let last = ''
    let lastWrite = started
    let seq = 0
    await stream.write(`retry: ${RETRY_MS}\n\n`)
    try {
      while (!stop.signal.aborted && Date.now() - started < MAX_STREAM_MS) {
        const state = await loadCheckoutState(deps, invoice)
        if (!state) break
        const data = JSON.stringify(state)
        if (data !== last) {
          await stream.writeSSE({ event: 'state', data, id: String(++seq) })
          last = data
          lastWrite = Date.now()
          if (FINAL_STATUSES.includes(state.status)) break
        } else if (Date.now() - lastWrite >= HEARTBEAT_MS) {
          await stream.write(': heartbeat\n\n')
          lastWrite = Date.now()
        }
        await sleep(POLL_MS)
      }
    } catch (err) {
      // The browser reconnects after RETRY_MS; the payer never sees why.
      logger.warn({ err, invoiceId: invoice.id }, 'checkout events stream failed')
    } finally {
      openStreams.delete(stop)
    }
  })
}
