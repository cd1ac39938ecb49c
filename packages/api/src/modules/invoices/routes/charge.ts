import { createRoute } from '@hono/zod-openapi'
import { uuidParam } from '../../../http/fields.js'
import { errorResponses, jsonBody, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { chargeBody, chargeResponse } from '../schema.js'
import { chargeCustomer } from '../services/charge-customer.js'
import { loadInvoice } from '../services/get-invoice.js'
import { presentOptionsOf } from '../services/present.js'

const route = createRoute({
  method: 'post',
  path: '/{id}/charge',
  tags: ['Invoices'],
  security,
  summary: 'Charge now: a one-line invoice due today, sent, with a ready quote per accepted coin',
  request: { params: uuidParam, body: jsonBody(chargeBody) },
  responses: { 201: jsonResponse(chargeResponse, 'The invoice, its pay link and quotes'), ...errorResponses },
})

/** Mounted under /customers. */
export const chargeRoute = createRouter().openapi(route, async (c) => {
  const { ctx, deps } = c.var
  const result = await chargeCustomer({
    ctx,
    deps,
    customerId: c.req.valid('param').id,
    input: c.req.valid('json'),
  })
  const invoice = await loadInvoice(ctx.db, ctx.merchantId, result.invoiceId, presentOptionsOf(deps))
  return c.json(
    {
      invoice,
      payUrl: invoice.payUrl ?? '',
      quotes: result.quotes,
      unavailable: result.unavailable,
    },
    201,
  )
})
