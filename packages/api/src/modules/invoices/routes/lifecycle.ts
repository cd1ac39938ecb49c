import { createRoute } from '@hono/zod-openapi'
import { uuidParam } from '../../../http/fields.js'
import { errorResponses, jsonBody, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { invoiceSchema, recordPaymentBody } from '../schema.js'
import { loadInvoice } from '../services/get-invoice.js'
import { presentOptionsOf } from '../services/present.js'
import { recordOffchainPayment } from '../services/record-payment.js'
import { sendInvoice } from '../services/send-invoice.js'
import { voidInvoice } from '../services/void-invoice.js'

const tags = ['Invoices']

const send = createRoute({
  method: 'post',
  path: '/{id}/send',
  tags,
  security,
  summary: 'Open a draft and give it a public pay link',
  description:
    'The customer’s credit in the invoice currency is used on it. Sending an open invoice changes nothing.',
  request: { params: uuidParam },
  responses: { 200: jsonResponse(invoiceSchema, 'The open invoice, with payUrl'), ...errorResponses },
})

const voidRoute = createRoute({
  method: 'post',
  path: '/{id}/void',
  tags,
  security,
  summary: 'Void an unpaid invoice',
  description: 'Its pay link stops working; whatever was paid on it becomes the customer’s credit.',
  request: { params: uuidParam },
  responses: { 200: jsonResponse(invoiceSchema, 'The void invoice'), ...errorResponses },
})

const payment = createRoute({
  method: 'post',
  path: '/{id}/payments',
  tags,
  security,
  summary: 'Record a payment made outside Coinbook',
  request: { params: uuidParam, body: jsonBody(recordPaymentBody) },
  responses: { 200: jsonResponse(invoiceSchema, 'The invoice with the payment applied'), ...errorResponses },
})

export const invoiceLifecycleRoutes = createRouter()
  .openapi(send, async (c) => {
    const { ctx, deps } = c.var
    const { id } = c.req.valid('param')
    await sendInvoice({ ctx, deps, id })
    return c.json(await loadInvoice(ctx.db, ctx.merchantId, id, presentOptionsOf(deps)), 200)
  })
  .openapi(voidRoute, async (c) => {
    const { ctx, deps } = c.var
    const { id } = c.req.valid('param')
    await voidInvoice({ ctx, deps, id })
    return c.json(await loadInvoice(ctx.db, ctx.merchantId, id, presentOptionsOf(deps)), 200)
  })
  .openapi(payment, async (c) => {
    const { ctx, deps } = c.var
    const { id } = c.req.valid('param')
    await recordOffchainPayment({ ctx, deps, id, input: c.req.valid('json') })
    return c.json(await loadInvoice(ctx.db, ctx.merchantId, id, presentOptionsOf(deps)), 200)
  })
