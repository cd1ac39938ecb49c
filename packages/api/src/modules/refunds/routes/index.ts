import { createRoute } from '@hono/zod-openapi'
import { NotFoundError } from '../../../errors.js'
import { uuidParam } from '../../../http/fields.js'
import { errorResponses, jsonBody, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { createRefundBody, refundListSchema, refundSchema } from '../schema.js'
import { loadRefunds } from '../services/present.js'
import { recordRefund } from '../services/record-refund.js'

const tags = ['Payments']

const create = createRoute({
  method: 'post',
  path: '/{id}/refunds',
  tags,
  security,
  summary: 'Record a refund sent back for a payment',
  description:
    'Only a confirmed payment of a customer (else 409). The refund comes off the customer’s lifetime value while the payment counts; an invoice the payment paid is not reopened. Sends payment.refunded.',
  request: { params: uuidParam, body: jsonBody(createRefundBody) },
  responses: {
    201: jsonResponse(refundSchema, 'The refund'),
    200: jsonResponse(
      refundSchema,
      'This refund transaction was already recorded, with the same amount and address',
    ),
    ...errorResponses,
  },
})

const list = createRoute({
  method: 'get',
  path: '/{id}/refunds',
  tags,
  security,
  summary: 'A payment’s refunds, oldest first',
  request: { params: uuidParam },
  responses: { 200: jsonResponse(refundListSchema, 'The refunds'), ...errorResponses },
})

/** /payments/{id}/refunds. */
export const refundRoutes = createRouter()
  .openapi(create, async (c) => {
    const { ctx, deps } = c.var
    const { refund, created } = await recordRefund({
      ctx,
      paymentId: c.req.valid('param').id,
      input: c.req.valid('json'),
      mode: deps.config.COINBOOK_NETWORK_MODE,
    })
    return created ? c.json(refund, 201) : c.json(refund, 200)
  })
  .openapi(list, async (c) => {
    const { ctx, deps } = c.var
    const { id } = c.req.valid('param')
    const payment = await ctx.db
      .selectFrom('payments')
      .select('id')
      .where('merchant_id', '=', ctx.merchantId)
      .where('id', '=', id)
      .executeTakeFirst()
    if (!payment) throw new NotFoundError('Payment', id)
    const refunds = await loadRefunds(ctx.db, ctx.merchantId, [id], deps.config.COINBOOK_NETWORK_MODE)
    return c.json({ data: refunds.get(id) ?? [] }, 200)
  })
