import { createRoute } from '@hono/zod-openapi'
import { uuidParam } from '../../../http/fields.js'
import { errorResponses, jsonBody, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { customerSchema, mergeCustomerBody } from '../schema.js'
import { mergeCustomers } from '../services/merge-customers.js'

const route = createRoute({
  method: 'post',
  path: '/{id}/merge',
  tags: ['Customers'],
  security,
  summary: 'Merge a duplicate into this customer',
  description:
    'This customer keeps its values and takes the duplicate’s where it has none; tags, notes, preferred coins, stats and everything attached move over; the duplicate is removed.',
  request: { params: uuidParam, body: jsonBody(mergeCustomerBody) },
  responses: { 200: jsonResponse(customerSchema, 'The merged customer'), ...errorResponses },
})

export const mergeCustomerRoute = createRouter().openapi(route, async (c) =>
  c.json(
    await mergeCustomers({
      ctx: c.var.ctx,
      input: { id: c.req.valid('param').id, duplicateId: c.req.valid('json').duplicateId },
    }),
    200,
  ),
)
