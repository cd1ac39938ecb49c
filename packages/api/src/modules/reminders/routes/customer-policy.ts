import { createRoute } from '@hono/zod-openapi'
import { uuidParam } from '../../../http/fields.js'
import { errorResponses, jsonBody, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { customerReminderPolicySchema, setCustomerReminderPolicyBody } from '../schema.js'
import { deleteCustomerReminderPolicy } from '../services/delete-customer-policy.js'
import { getCustomerReminderPolicy } from '../services/get-customer-policy.js'
import { setCustomerReminderPolicy } from '../services/set-customer-policy.js'

const tags = ['Reminders']
const path = '/{id}/reminder-policy'
const ok = { 200: jsonResponse(customerReminderPolicySchema, 'The customer’s steps'), ...errorResponses }

const get = createRoute({
  method: 'get',
  path,
  tags,
  security,
  summary: 'The reminder steps a customer’s invoices follow',
  request: { params: uuidParam },
  responses: ok,
})

const put = createRoute({
  method: 'put',
  path,
  tags,
  security,
  summary: 'Give a customer its own reminder steps',
  request: { params: uuidParam, body: jsonBody(setCustomerReminderPolicyBody) },
  responses: ok,
})

const remove = createRoute({
  method: 'delete',
  path,
  tags,
  security,
  summary: 'Remove a customer’s override: the merchant’s schedule applies again',
  request: { params: uuidParam },
  responses: ok,
})

/** Mounted under /customers. */
export const customerReminderPolicyRoutes = createRouter()
  .openapi(get, async (c) =>
    c.json(await getCustomerReminderPolicy({ ctx: c.var.ctx, customerId: c.req.valid('param').id }), 200),
  )
  .openapi(put, async (c) =>
    c.json(
      await setCustomerReminderPolicy({
        ctx: c.var.ctx,
        customerId: c.req.valid('param').id,
        input: c.req.valid('json'),
      }),
      200,
    ),
  )
  .openapi(remove, async (c) =>
    c.json(await deleteCustomerReminderPolicy({ ctx: c.var.ctx, customerId: c.req.valid('param').id }), 200),
  )
