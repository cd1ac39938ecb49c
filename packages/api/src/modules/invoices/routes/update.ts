import { createRoute } from '@hono/zod-openapi'
import { uuidParam } from '../../../http/fields.js'
import { errorResponses, jsonBody, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { invoiceSchema, updateInvoiceBody } from '../schema.js'
import { loadInvoice } from '../services/get-invoice.js'
import { presentOptionsOf } from '../services/present.js'
import { updateInvoice } from '../services/update-invoice.js'

const route = createRoute({
  method: 'patch',
  path: '/{id}',
  tags: ['Invoices'],
  security,
  summary: 'Edit a draft invoice',
  description:
    'Lines (all replaced), currency, due date, coins and memo; priced again as on create. Only drafts: anything else is a 409.',
  request: { params: uuidParam, body: jsonBody(updateInvoiceBody) },
  responses: { 200: jsonResponse(invoiceSchema, 'The edited draft'), ...errorResponses },
})

export const updateInvoiceRoute = createRouter().openapi(route, async (c) => {
  const { ctx, deps } = c.var
  const { id } = c.req.valid('param')
  await updateInvoice({
    ctx,
    deps: { clock: deps.clock, mode: deps.config.COINBOOK_NETWORK_MODE },
    id,
    input: c.req.valid('json'),
  })
  return c.json(await loadInvoice(ctx.db, ctx.merchantId, id, presentOptionsOf(deps)), 200)
})
