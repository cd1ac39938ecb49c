import { createRoute, type z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { AppEnv } from '../../../http/env.js'
import { errorResponses, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { fileResponse, paymentExportQuery } from '../schema.js'
import { exportPayments } from '../services/export-payments.js'
import { downloadHeaders } from '../services/stream-file.js'

const csv = createRoute({
  method: 'get',
  path: '/export.csv',
  tags: ['Payments'],
  security,
  summary: 'Export payments (CSV, or JSON Lines with format=jsonl)',
  description:
    'Every payment the list’s filters match, newest first, streamed; amounts as exact decimals. JSON Lines: one Payment per line.',
  request: { query: paymentExportQuery },
  responses: { 200: fileResponse('The payments'), ...errorResponses },
})

const jsonl = createRoute({ ...csv, path: '/export.jsonl', summary: 'Export payments as JSON Lines' })

/** Mounted under /payments, before the payment routes (whose /{id} would take "export.csv"). */
export const paymentExportRoutes = createRouter()
  .openapi(csv, (c) => respond(c, c.req.valid('query')))
  .openapi(jsonl, (c) => respond(c, { ...c.req.valid('query'), format: 'jsonl' }))

function respond(c: Context<AppEnv>, input: z.output<typeof paymentExportQuery>) {
  const { deps } = c.var
  const body = exportPayments({
    ctx: c.var.ctx,
    input,
    present: {
      mode: deps.config.COINBOOK_NETWORK_MODE,
      requiredConfirmations: (n) => deps.chains.requiredConfirmations(n),
    },
  })
  return c.body(body, 200, downloadHeaders('payments', input.format))
}
