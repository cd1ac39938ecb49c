import { createRoute } from '@hono/zod-openapi'
import { errorResponses, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { customerListSchema, listCustomersQuery } from '../schema.js'
import { listCustomers } from '../services/list-customers.js'

const route = createRoute({
  method: 'get',
  path: '/',
  tags: ['Customers'],
  security,
  summary: 'List, search, filter and sort customers',
  request: { query: listCustomersQuery },
  responses: { 200: jsonResponse(customerListSchema, 'A page of customers'), ...errorResponses },
})

export const listCustomersRoute = createRouter().openapi(route, async (c) =>
  c.json(
    await listCustomers({ ctx: c.var.ctx, input: c.req.valid('query'), now: c.var.deps.clock.now() }),
    200,
  ),
)
