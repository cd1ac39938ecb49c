import type { MiddlewareHandler } from 'hono'
import { withLogContext } from '../../observability/log-context.js'
import { logger } from '../../observability/logger.js'
import { metrics } from '../../observability/metrics.js'
import type { AppEnv } from '../env.js'

/**
 * Times every request into the HTTP histogram and logs one line for it. Both name the route pattern
 * (`/api/v1/customers/:id`), never the raw path, which may carry a checkout token. Runs the request in
 * a log context holding its id (from `requestId()`, before this): every line written while serving it
 * carries the id, and so does every job it enqueues, whatever service or transaction enqueues it.
 */
export function observe(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now()
    await withLogContext({ requestId: c.var.requestId }, next)
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
