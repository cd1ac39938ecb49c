import { createRoute } from '@hono/zod-openapi'
import { uuidParam } from '../../../http/fields.js'
import { errorResponses, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { customerDetailSchema } from '../schema.js'
import { getCustomer } from '../services/get-customer.js'

const route = createRoute({
  method: 'get',
  path: '/{id}',
  tags: ['Customers'],
  security,
  summary: 'Get a customer',
  request: { params: uuidParam },
  responses: { 200: jsonResponse(customerDetailSchema, 'The customer and their metrics'), ...errorResponses },
})

export const getCustomerRoute = createRouter().openapi(route, async (c) =>
  c.json(
    await getCustomer({ ctx: c.var.ctx, input: c.req.valid('param'), now: c.var.deps.clock.now() }),
    200,
  ),
)
