import { createRoute } from '@hono/zod-openapi'
import { uuidParam } from '../../../http/fields.js'
import { errorResponses, jsonBody, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { customerBillingSchema, updateCustomerBillingBody } from '../schema.js'
import { getCustomerBilling, updateCustomerBilling } from '../services/customer-billing.js'

const tags = ['Invoices']

const get = createRoute({
  method: 'get',
  path: '/{id}/billing',
  tags,
  security,
  summary: 'A customer’s tax exemption and credit',
  request: { params: uuidParam },
  responses: { 200: jsonResponse(customerBillingSchema, 'Billing state'), ...errorResponses },
})

const update = createRoute({
  method: 'patch',
  path: '/{id}/billing',
  tags,
  security,
  summary: 'Mark a customer tax-exempt, or auto-send their subscription and installment invoices',
  request: { params: uuidParam, body: jsonBody(updateCustomerBillingBody) },
  responses: { 200: jsonResponse(customerBillingSchema, 'Billing state'), ...errorResponses },
})

/** Mounted under /customers. */
export const customerBillingRoutes = createRouter()
  .openapi(get, async (c) =>
    c.json(await getCustomerBilling({ ctx: c.var.ctx, customerId: c.req.valid('param').id }), 200),
  )
  .openapi(update, async (c) =>
    c.json(
      await updateCustomerBilling({
        ctx: c.var.ctx,
        customerId: c.req.valid('param').id,
        input: c.req.valid('json'),
      }),
      200,
    ),
  )
