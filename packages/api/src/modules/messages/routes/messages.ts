import { createRoute } from '@hono/zod-openapi'
import { uuidParam } from '../../../http/fields.js'
import { errorResponses, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { listMessagesQuery, messageDetailSchema, messageListSchema } from '../schema.js'
import { getMessage, listMessages } from '../services/list-messages.js'
import { resendMessage } from '../services/resend-message.js'

const tags = ['Messages']

const list = createRoute({
  method: 'get',
  path: '/',
  tags,
  security,
  summary: 'The communication log (the Outbox), newest first',
  request: { query: listMessagesQuery },
  responses: { 200: jsonResponse(messageListSchema, 'A page of messages'), ...errorResponses },
})

const getOne = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  security,
  summary: 'One message with its rendered HTML and text',
  request: { params: uuidParam },
  responses: { 200: jsonResponse(messageDetailSchema, 'The message'), ...errorResponses },
})

const resend = createRoute({
  method: 'post',
  path: '/{id}/resend',
  tags,
  security,
  summary: 'Send a message again (a new log entry with the same content)',
  request: { params: uuidParam },
  responses: { 201: jsonResponse(messageDetailSchema, 'The new message, queued'), ...errorResponses },
})

/** Mounted at /messages. */
export const messageRoutes = createRouter()
  .openapi(list, async (c) => {
    const opts = { smtpConfigured: Boolean(c.var.deps.config.SMTP_URL) }
    return c.json(await listMessages({ ctx: c.var.ctx, input: c.req.valid('query'), opts }), 200)
  })
  .openapi(getOne, async (c) => {
    const opts = { smtpConfigured: Boolean(c.var.deps.config.SMTP_URL) }
    return c.json(await getMessage({ ctx: c.var.ctx, id: c.req.valid('param').id, opts }), 200)
  })
  .openapi(resend, async (c) => {
    const { ctx, deps } = c.var
    const id = await resendMessage({ ctx, id: c.req.valid('param').id, now: deps.clock.now() })
    const opts = { smtpConfigured: Boolean(deps.config.SMTP_URL) }
    return c.json(await getMessage({ ctx, id, opts }), 201)
  })
