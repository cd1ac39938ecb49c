import { createRoute } from '@hono/zod-openapi'
import { errorResponses, jsonBody, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { emailSettingsSchema, updateEmailSettingsBody } from '../schema.js'
import { getEmailSettings, updateEmailSettings } from '../services/email-settings.js'

const tags = ['Email']

const get = createRoute({
  method: 'get',
  path: '/',
  tags,
  security,
  summary: 'SMTP status, sender name, reply-to and the welcome mail switch',
  responses: { 200: jsonResponse(emailSettingsSchema, 'The settings'), ...errorResponses },
})

const update = createRoute({
  method: 'patch',
  path: '/',
  tags,
  security,
  summary: 'Change the sender name, reply-to or the welcome mail switch',
  request: { body: jsonBody(updateEmailSettingsBody) },
  responses: { 200: jsonResponse(emailSettingsSchema, 'The settings'), ...errorResponses },
})

/** Mounted at /email-settings. */
export const emailSettingsRoutes = createRouter()
  .openapi(get, async (c) =>
    c.json(await getEmailSettings({ ctx: c.var.ctx, config: c.var.deps.config }), 200),
  )
  .openapi(update, async (c) =>
    c.json(
      await updateEmailSettings({ ctx: c.var.ctx, config: c.var.deps.config, input: c.req.valid('json') }),
      200,
    ),
  )
