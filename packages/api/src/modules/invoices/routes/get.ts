import { createRoute } from '@hono/zod-openapi'
import { uuidParam } from '../../../http/fields.js'
import { errorResponses, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { invoiceSchema } from '../schema.js'
import { loadInvoice } from '../services/get-invoice.js'
import { presentOptionsOf } from '../services/present.js'

const route = createRoute({
  method: 'get',
  path: '/{id}',
  tags: ['Invoices'],
  security,
  summary: 'One invoice with its lines, payments applied, quotes and history',
  request: { params: uuidParam },
  responses: { 200: jsonResponse(invoiceSchema, 'The invoice'), ...errorResponses },
})

export const getInvoiceRoute = createRouter().openapi(route, async (c) => {
  const { ctx, deps } = c.var
  return c.json(
    await loadInvoice(ctx.db, ctx.merchantId, c.req.valid('param').id, presentOptionsOf(deps)),
    200,
  )
})
