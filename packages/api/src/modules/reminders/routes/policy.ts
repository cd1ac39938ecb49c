import { createRoute } from '@hono/zod-openapi'
import { errorResponses, jsonBody, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { reminderPolicySchema, updateReminderPolicyBody } from '../schema.js'
import { getReminderPolicy } from '../services/get-policy.js'
import { updateReminderPolicy } from '../services/update-policy.js'

const tags = ['Reminders']

const get = createRoute({
  method: 'get',
  path: '/',
  tags,
  security,
  summary: 'The reminder schedule, the merchant’s time zone and the renewal notice',
  responses: { 200: jsonResponse(reminderPolicySchema, 'The policy'), ...errorResponses },
})

const put = createRoute({
  method: 'put',
  path: '/',
  tags,
  security,
  summary: 'Replace the reminder schedule',
  request: { body: jsonBody(updateReminderPolicyBody) },
  responses: { 200: jsonResponse(reminderPolicySchema, 'The policy'), ...errorResponses },
})

/** Mounted at /reminder-policy. */
export const reminderPolicyRoutes = createRouter()
  .openapi(get, async (c) => c.json(await getReminderPolicy({ ctx: c.var.ctx }), 200))
  .openapi(put, async (c) =>
    c.json(await updateReminderPolicy({ ctx: c.var.ctx, input: c.req.valid('json') }), 200),
  )
