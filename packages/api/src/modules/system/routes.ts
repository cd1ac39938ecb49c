import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { Hono } from 'hono'
import { pingDatabase } from '../../db/connect.js'
import type { AppEnv } from '../../http/env.js'

/** Liveness: the process answers. Readiness: the database and the queue answer too. */
export const healthRoutes = new Hono<AppEnv>()
  .get('/healthz', (c) => c.json({ status: 'ok' }))
  .get('/readyz', async (c) => {
    const { db, jobs } = c.var.deps
    const checks: Record<string, 'ok' | string> = {}
    await pingDatabase(db).then(
      () => (checks.database = 'ok'),
      (e: unknown) => (checks.database = String(e)),
    )
    await jobs.ping().then(
      () => (checks.queue = 'ok'),
      (e: unknown) => (checks.queue = String(e)),
    )
    const ready = Object.values(checks).every((v) => v === 'ok')
    return c.json({ status: ready ? 'ready' : 'not ready', checks, queue: jobs.kind }, ready ? 200 : 503)
  })

const require = createRequire(import.meta.url)
let scalarBundle: Promise<string> | undefined

/** The API reference, rendered by Scalar from a copy served here (no CDN: self-hosted installs may be offline). */
export const docsRoutes = new Hono<AppEnv>()
  .get('/docs', (c) =>
    c.html(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Coinbook API reference</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><script id="api-reference" data-url="/api/v1/openapi.json"></script>
<script src="/api/v1/docs/scalar.js"></script></body></html>`),
  )
  .get('/docs/scalar.js', async (c) => {
    scalarBundle ??= readFile(
      join(dirname(require.resolve('@scalar/api-reference')), 'browser', 'standalone.js'),
      'utf8',
    )
    return c.body(await scalarBundle, 200, {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'public, max-age=86400',
    })
  })
