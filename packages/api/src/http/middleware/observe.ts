import type { MiddlewareHandler } from 'hono'
import { logger } from '../../observability/logger.js'
import { metrics } from '../../observability/metrics.js'
import type { AppEnv } from '../env.js'

/**
 * Times every request into the HTTP histogram and logs one line for it. Both name the route pattern
 * (`/api/v1/customers/:id`), never the raw path, which may carry a checkout token.
 */
export function observe(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now()
    await next()
    const seconds = (performance.now() - started) / 1000
    const route = c.req.routePath
    const status = c.res.status
    metrics.httpDuration.observe({ method: c.req.method, route, status: String(status) }, seconds)
    const quiet = route === '/healthz' || route === '/readyz' || route === '/metrics'
    const line = {
      requestId: c.var.requestId,
      method: c.req.method,
      route,
      status,
      ms: Math.round(seconds * 10_000) / 10,
    }
    if (status >= 500) logger.error(line, 'request failed')
    else if (quiet) logger.debug(line, 'request')
    else logger.info(line, 'request')
  }
}
