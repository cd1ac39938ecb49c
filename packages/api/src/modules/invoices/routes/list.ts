import { createRoute } from '@hono/zod-openapi'
import { errorResponses, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { invoiceListSchema, listInvoicesQuery } from '../schema.js'
import { listInvoices } from '../services/list-invoices.js'
import { presentOptionsOf } from '../services/present.js'

const route = createRoute({
  method: 'get',
  path: '/',
  tags: ['Invoices'],
  security,
  summary: 'Invoices, newest first',
  request: { query: listInvoicesQuery },
  responses: { 200: jsonResponse(invoiceListSchema, 'A page of invoices'), ...errorResponses },
})

export const listInvoicesRoute = createRouter().openapi(route, async (c) =>
  c.json(
    await listInvoices({ ctx: c.var.ctx, input: c.req.valid('query'), opts: presentOptionsOf(c.var.deps) }),
    200,
  ),
)
