import { createRoute } from '@hono/zod-openapi'
import { uuidParam } from '../../../http/fields.js'
import { errorResponses, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { deleteCustomer } from '../services/delete-customer.js'

const route = createRoute({
  method: 'delete',
  path: '/{id}',
  tags: ['Customers'],
  security,
  summary: 'Delete a customer',
  description: 'The customer leaves lists and lookups; its email and custom id can be used again.',
  request: { params: uuidParam },
  responses: { 204: { description: 'Deleted' }, ...errorResponses },
})

export const deleteCustomerRoute = createRouter().openapi(route, async (c) => {
  await deleteCustomer({ ctx: c.var.ctx, input: c.req.valid('param') })
  return c.body(null, 204)
})
