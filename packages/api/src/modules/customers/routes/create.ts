import { createRoute } from '@hono/zod-openapi'
import { errorResponses, jsonBody, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { createCustomerBody, customerSchema } from '../schema.js'
import { createCustomer } from '../services/create-customer.js'

const route = createRoute({
  method: 'post',
  path: '/',
  tags: ['Customers'],
  security,
  summary: 'Create a customer',
  description: 'An email or custom id another live customer has is a 409 that names that customer.',
  request: { body: jsonBody(createCustomerBody) },
  responses: { 201: jsonResponse(customerSchema, 'The new customer'), ...errorResponses },
})

export const createCustomerRoute = createRouter().openapi(route, async (c) =>
  c.json(await createCustomer({ ctx: c.var.ctx, input: c.req.valid('json') }), 201),
)
