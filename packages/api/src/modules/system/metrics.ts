import { timingSafeEqual } from 'node:crypto'
import { Hono } from 'hono'
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
  return c.body(await metrics.registry.metrics(), 200, { 'Content-Type': metrics.registry.contentType })
})

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}
