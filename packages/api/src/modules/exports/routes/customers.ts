import { createRoute } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { AppEnv } from '../../../http/env.js'
import { errorResponses, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { resolveSegment } from '../../segments/resolve.js'
import { customerExportQuery, fileResponse } from '../schema.js'
import { exportCustomers } from '../services/export-customers.js'
import { downloadHeaders } from '../services/stream-file.js'

/** A segmentId is resolved before the stream starts, so an unknown segment is a 404, not a broken file. */
const segmentOf = async (c: Context<AppEnv>, segmentId: string | undefined) =>
  segmentId
    ? (await resolveSegment(c.var.ctx.db, c.var.ctx.merchantId, segmentId, c.var.deps.clock.now())).condition
    : undefined

const description =
  'Every customer the list’s filters match, in the list’s order (sort; newest first by default), streamed. CSV: the columns of the import template plus Lifetime Value, ID, Payment Count and dates; values a spreadsheet would run as formulas start with an apostrophe. JSON Lines: one Customer per line.'

const csv = createRoute({
  method: 'get',
  path: '/export.csv',
  tags: ['Customers'],
  security,
  summary: 'Export customers (CSV, or JSON Lines with format=jsonl)',
  description,
  request: { query: customerExportQuery },
  responses: { 200: fileResponse('The customers'), ...errorResponses },
})

const jsonl = createRoute({ ...csv, path: '/export.jsonl', summary: 'Export customers as JSON Lines' })

export const customerExportRoutes = createRouter()
  .openapi(csv, async (c) => {
    const input = c.req.valid('query')
    const segment = await segmentOf(c, input.segmentId)
    return c.body(
      exportCustomers({ ctx: c.var.ctx, input, segment, databaseUrl: c.var.deps.config.DATABASE_URL }),
      200,
      downloadHeaders('customers', input.format),
    )
  })
  .openapi(jsonl, async (c) => {
    const input = { ...c.req.valid('query'), format: 'jsonl' as const }
    const segment = await segmentOf(c, input.segmentId)
    return c.body(
      exportCustomers({ ctx: c.var.ctx, input, segment, databaseUrl: c.var.deps.config.DATABASE_URL }),
      200,
      downloadHeaders('customers', 'jsonl'),
    )
  })
