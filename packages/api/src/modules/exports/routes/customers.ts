import { createRoute } from '@hono/zod-openapi'
import { errorResponses, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { customerExportQuery, fileResponse } from '../schema.js'
import { exportCustomers } from '../services/export-customers.js'
import { downloadHeaders } from '../services/stream-file.js'

const description =
  'Every customer the list’s filters match, newest first, streamed. CSV: the columns of the import template plus Lifetime Value, ID, Payment Count and dates; values a spreadsheet would run as formulas start with an apostrophe. JSON Lines: one Customer per line.'

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
  .openapi(csv, (c) => {
    const input = c.req.valid('query')
    return c.body(exportCustomers({ ctx: c.var.ctx, input }), 200, downloadHeaders('customers', input.format))
  })
  .openapi(jsonl, (c) => {
    const input = { ...c.req.valid('query'), format: 'jsonl' as const }
    return c.body(exportCustomers({ ctx: c.var.ctx, input }), 200, downloadHeaders('customers', 'jsonl'))
  })
