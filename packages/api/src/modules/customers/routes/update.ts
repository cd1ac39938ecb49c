import { createRoute } from '@hono/zod-openapi'
import { uuidParam } from '../../../http/fields.js'
import { errorResponses, jsonBody, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { customerSchema, updateCustomerBody } from '../schema.js'
import { updateCustomer } from '../services/update-customer.js'

const route = createRoute({
  method: 'patch',
  path: '/{id}',
  tags: ['Customers'],
  security,
  summary: 'Change some of a customer’s fields',
  description: 'Fields left out stay as they are; null clears a field; preferredCoins replaces the list.',
  request: { params: uuidParam, body: jsonBody(updateCustomerBody) },
  responses: { 200: jsonResponse(customerSchema, 'The updated customer'), ...errorResponses },
})

export const updateCustomerRoute = createRouter().openapi(route, async (c) =>
  c.json(
    await updateCustomer({
      ctx: c.var.ctx,
      input: { id: c.req.valid('param').id, changes: c.req.valid('json') },
    }),
    200,
  ),
)
