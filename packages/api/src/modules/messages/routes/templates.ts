import { createRoute, z } from '@hono/zod-openapi'
import { errorResponses, jsonBody, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import {
  emailTemplateSchema,
  kindParam,
  previewSchema,
  previewTemplateBody,
  updateTemplateBody,
} from '../schema.js'
import {
  getTemplate,
  listTemplates,
  previewTemplate,
  resetTemplate,
  saveTemplate,
} from '../services/email-templates.js'

const tags = ['Email']
const unknownVariable = {
  422: {
    description: 'The template names a variable its kind does not have',
    content: { 'application/problem+json': { schema: z.object({ detail: z.string() }) } },
  },
}

const list = createRoute({
  method: 'get',
  path: '/',
  tags,
  security,
  summary: 'Every kind’s email template',
  responses: {
    200: jsonResponse(z.object({ data: z.array(emailTemplateSchema) }), 'Templates'),
    ...errorResponses,
  },
})

const getOne = createRoute({
  method: 'get',
  path: '/{kind}',
  tags,
  security,
  summary: 'One kind’s template (the default until saved) and the variables it may use',
  request: { params: kindParam },
  responses: { 200: jsonResponse(emailTemplateSchema, 'The template'), ...errorResponses },
})

const put = createRoute({
  method: 'put',
  path: '/{kind}',
  tags,
  security,
  summary: 'Save the subject and text blocks',
  description: 'A `{{variable}}` the kind does not have is refused (422 naming it).',
  request: { params: kindParam, body: jsonBody(updateTemplateBody) },
  responses: {
    200: jsonResponse(emailTemplateSchema, 'The saved template'),
    ...errorResponses,
    ...unknownVariable,
  },
})

const reset = createRoute({
  method: 'delete',
  path: '/{kind}',
  tags,
  security,
  summary: 'Reset to the default wording',
  request: { params: kindParam },
  responses: { 200: jsonResponse(emailTemplateSchema, 'The default template'), ...errorResponses },
})

const preview = createRoute({
  method: 'post',
  path: '/{kind}/preview',
  tags,
  security,
  summary: 'Render the template (or unsaved edits) with sample data',
  request: { params: kindParam, body: jsonBody(previewTemplateBody) },
  responses: {
    200: jsonResponse(previewSchema, 'Subject, HTML and text'),
    ...errorResponses,
    ...unknownVariable,
  },
})

/** Mounted at /email-templates. */
export const emailTemplateRoutes = createRouter()
  .openapi(list, async (c) => c.json({ data: await listTemplates({ ctx: c.var.ctx }) }, 200))
  .openapi(getOne, async (c) =>
    c.json(await getTemplate({ ctx: c.var.ctx, kind: c.req.valid('param').kind }), 200),
  )
  .openapi(put, async (c) =>
    c.json(
      await saveTemplate({ ctx: c.var.ctx, kind: c.req.valid('param').kind, input: c.req.valid('json') }),
      200,
    ),
  )
  .openapi(reset, async (c) =>
    c.json(await resetTemplate({ ctx: c.var.ctx, kind: c.req.valid('param').kind }), 200),
  )
  .openapi(preview, async (c) =>
    c.json(
      await previewTemplate({ ctx: c.var.ctx, kind: c.req.valid('param').kind, input: c.req.valid('json') }),
      200,
    ),
  )
