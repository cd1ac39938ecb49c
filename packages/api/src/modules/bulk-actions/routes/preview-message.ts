import { createRoute } from '@hono/zod-openapi'
import { errorResponses, jsonBody, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { bulkMessagePreviewBody, bulkMessagePreviewSchema } from '../schema.js'
import { previewBulkMessage } from '../services/preview-bulk-message.js'

const route = createRoute({
  method: 'post',
  path: '/bulk/message-preview',
  tags: ['Bulk actions'],
  security,
  summary: 'Before sending a message to many customers: who would get it, who is skipped, and a sample',
  request: { body: jsonBody(bulkMessagePreviewBody) },
  responses: { 200: jsonResponse(bulkMessagePreviewSchema, 'The counts and a sample'), ...errorResponses },
})

export const previewBulkMessageRoute = createRouter().openapi(route, async (c) =>
  c.json(
    await previewBulkMessage({
      ctx: c.var.ctx,
      input: c.req.valid('json'),
      now: c.var.deps.clock.now(),
    }),
    200,
  ),
)
