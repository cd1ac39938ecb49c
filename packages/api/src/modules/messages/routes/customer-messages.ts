import { createRoute } from '@hono/zod-openapi'
import { uuidParam } from '../../../http/fields.js'
import { errorResponses, jsonBody, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { customMessageBody, messageDetailSchema } from '../schema.js'
import { getMessage } from '../services/list-messages.js'
import { sendCustomMessage } from '../services/send-custom.js'

const write = createRoute({
  method: 'post',
  path: '/{id}/messages',
  tags: ['Messages'],
  security,
  summary: 'Write a one-off email to a customer',
  description: 'Queued like every message and kept in the log; suppressed when the customer has no email.',
  request: { params: uuidParam, body: jsonBody(customMessageBody) },
  responses: { 201: jsonResponse(messageDetailSchema, 'The message'), ...errorResponses },
})

/** Mounted at /customers. */
export const customerMessageRoutes = createRouter().openapi(write, async (c) => {
  const { ctx, deps } = c.var
  const queued = await sendCustomMessage({
    ctx,
    customerId: c.req.valid('param').id,
    input: c.req.valid('json'),
    now: deps.clock.now(),
  })
  const opts = { smtpConfigured: Boolean(deps.config.SMTP_URL) }
  return c.json(await getMessage({ ctx, id: queued.id, opts }), 201)
})
