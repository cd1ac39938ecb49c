import { createRoute } from '@hono/zod-openapi'
import { errorResponses, jsonBody, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { bulkActionSchema, createBulkActionBody } from '../schema.js'
import { createBulkAction } from '../services/create-bulk-action.js'

const route = createRoute({
  method: 'post',
  path: '/bulk',
  tags: ['Bulk actions'],
  security,
  summary: 'Act on many customers: add/remove tags, set tier or status, send a message, delete, export',
  description:
    'Runs as a job (202): follow GET /bulk-actions/{id}. A delete must send params.confirmCount equal to the number of customers the selection matches. sendMessage queues one email (kind announcement) per customer; those without an email or unsubscribed are skipped. Send an Idempotency-Key to make a retry return the same action.',
  request: { body: jsonBody(createBulkActionBody) },
  responses: { 202: jsonResponse(bulkActionSchema, 'The bulk action, queued'), ...errorResponses },
})

export const createBulkActionRoute = createRouter().openapi(route, async (c) => {
  const created = await createBulkAction({
    ctx: c.var.ctx,
    input: c.req.valid('json'),
    jobs: c.var.deps.jobs,
    now: c.var.deps.clock.now(),
  })
  c.header('Location', `/api/v1/bulk-actions/${created.id}`)
  return c.json(created, 202)
})
