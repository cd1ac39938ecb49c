import { createRoute } from '@hono/zod-openapi'
import { uuidParam } from '../../../http/fields.js'
import { errorResponses, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { customerRatingsSchema } from '../schema.js'
import { listCustomerRatings } from '../services/list-customer-ratings.js'

const route = createRoute({
  method: 'get',
  path: '/{id}/ratings',
  tags: ['Customers'],
  security,
  summary: 'The ratings a customer gave their paid invoices',
  request: { params: uuidParam },
  responses: { 200: jsonResponse(customerRatingsSchema, 'The ratings and their average'), ...errorResponses },
})

/** Mounted at /customers. */
export const customerRatingRoutes = createRouter().openapi(route, async (c) =>
  c.json(await listCustomerRatings({ ctx: c.var.ctx, customerId: c.req.valid('param').id }), 200),
)
