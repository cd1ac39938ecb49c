import { createRoute } from '@hono/zod-openapi'
import { uuidParam } from '../../../http/fields.js'
import { errorResponses, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { paymentMethodsSchema } from '../schema.js'
import { getPaymentMethods } from '../services/get-payment-methods.js'

const route = createRoute({
  method: 'get',
  path: '/{id}/payment-methods',
  tags: ['Payment methods'],
  security,
  summary: 'Preferred coins, deposit addresses, wallets paid from and refund addresses of a customer',
  request: { params: uuidParam },
  responses: { 200: jsonResponse(paymentMethodsSchema, 'The customer’s payment methods'), ...errorResponses },
})

export const getPaymentMethodsRoute = createRouter().openapi(route, async (c) =>
  c.json(await getPaymentMethods({ ctx: c.var.ctx, customerId: c.req.valid('param').id }), 200),
)
