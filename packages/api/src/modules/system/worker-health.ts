import { Hono } from 'hono'
import type { AppDeps } from '../../context.js'
import type { AppEnv } from '../../http/env.js'
import { metricsRoutes } from './metrics.js'
import { healthRoutes } from './routes.js'

/**
 * What a worker process serves on WORKER_HEALTH_PORT: the API's liveness and readiness checks and its
 * Prometheus metrics (job durations and failures are counted in the worker, not in the API).
 * A worker whose event loop is stuck stops answering /healthz, so its liveness probe restarts it.
 */
export function createWorkerHealthApp(deps: AppDeps) {
  const app = new Hono<AppEnv>()
  app.use('*', async (c, next) => {
    c.set('deps', deps)
    await next()
  })
  app.notFound((c) => c.text('Not found: a worker serves only /healthz, /readyz and /metrics', 404))
  return app.route('/', healthRoutes).route('/', metricsRoutes)
}
