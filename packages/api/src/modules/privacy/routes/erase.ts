import { createRoute } from '@hono/zod-openapi'
import { uuidParam } from '../../../http/fields.js'
import { requireRole } from '../../../http/middleware/auth.js'
import { errorResponses, jsonBody, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { eraseCustomerBody, eraseResultSchema } from '../schema.js'
import { eraseCustomer } from '../services/erase-customer.js'

const route = createRoute({
  method: 'post',
  path: '/{id}/erase',
  tags: ['Customers'],
  security,
  middleware: requireRole('owner', 'admin'),
  summary: 'Erase a customer’s personal data (owners and admins)',
  description:
    'Removes the personal data; payments and invoices stay for the books, linked to an anonymous record. The email can be used again. Cannot be undone: send {"confirm": true}.',
  request: { params: uuidParam, body: jsonBody(eraseCustomerBody) },
  responses: { 200: jsonResponse(eraseResultSchema, 'Erased'), ...errorResponses },
})

export const eraseCustomerRoute = createRouter().openapi(route, async (c) =>
  c.json(
    await eraseCustomer({
      ctx: c.var.ctx,
      input: { id: c.req.valid('param').id, reason: c.req.valid('json').reason },
    }),
    200,
  ),
)
