import { createRoute } from '@hono/zod-openapi'
import { errorResponses, jsonBody, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { createInvoiceBody, invoiceSchema } from '../schema.js'
import { createInvoice } from '../services/create-invoice.js'
import { loadInvoice } from '../services/get-invoice.js'
import { presentOptionsOf } from '../services/present.js'

const route = createRoute({
  method: 'post',
  path: '/',
  tags: ['Invoices'],
  security,
  summary: 'Create a draft invoice',
  description:
    'Currency, due date and accepted coins default from the customer’s billing preferences. A tax-exempt customer’s lines carry no tax.',
  request: { body: jsonBody(createInvoiceBody) },
  responses: { 201: jsonResponse(invoiceSchema, 'The new draft'), ...errorResponses },
})

export const createInvoiceRoute = createRouter().openapi(route, async (c) => {
  const { ctx, deps } = c.var
  const id = await createInvoice({
    ctx,
    deps: { clock: deps.clock, mode: deps.config.COINBOOK_NETWORK_MODE },
    input: c.req.valid('json'),
  })
  return c.json(await loadInvoice(ctx.db, ctx.merchantId, id, presentOptionsOf(deps)), 201)
})
