import { timingSafeEqual } from 'node:crypto'
import { Hono } from 'hono'
import { sql } from 'kysely'
import type { AppEnv } from '../../http/env.js'
import { metrics } from '../../observability/metrics.js'

/**
 * Prometheus metrics at `/metrics`, only with `Authorization: Bearer <METRICS_TOKEN>`. Without a token
 * configured the route does not exist (404): a public deployment exposes nothing by default.
 */
export const metricsRoutes = new Hono<AppEnv>().get('/metrics', async (c) => {
  const token = c.var.deps.config.METRICS_TOKEN
  if (!token) return c.notFound()
  const given = c.req.header('authorization')?.replace(/^Bearer\s+/i, '') ?? ''
  if (!sameSecret(given, token)) {
    return c.text('A valid metrics token is required', 401, { 'WWW-Authenticate': 'Bearer' })
  }
  // The outboxes are shared by every process: their depth is read from the database at scrape time.
  const depth = await sql<{ email: number; webhooks: number }>`select
      (select count(*) from messages where status = 'queued')::int as email,
      (select count(*) from webhook_deliveries where status = 'pending')::int as webhooks`.execute(
    c.var.deps.db,
  )
  const row = depth.rows[0]
  metrics.outboxDepth.set({ outbox: 'email' }, row?.email ?? 0)
  metrics.outboxDepth.set({ outbox: 'webhooks' }, row?.webhooks ?? 0)
  return c.body(await metrics.registry.metrics(), 200, { 'Content-Type': metrics.registry.contentType })
})

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}
