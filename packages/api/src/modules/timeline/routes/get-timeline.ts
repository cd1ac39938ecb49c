import { createRoute } from '@hono/zod-openapi'
import { uuidParam } from '../../../http/fields.js'
import { errorResponses, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { timelineQuery, timelineSchema } from '../schema.js'
import { listCustomerTimeline } from '../services/list-customer-timeline.js'

const route = createRoute({
  method: 'get',
  path: '/{id}/timeline',
  tags: ['Customers'],
  security,
  summary: 'A customer’s timeline: payments, invoices, messages, profile changes, notes and merges',
  request: { params: uuidParam, query: timelineQuery },
  responses: { 200: jsonResponse(timelineSchema, 'Timeline items, newest first'), ...errorResponses },
})

export const customerTimelineRoute = createRouter().openapi(route, async (c) =>
  c.json(
    await listCustomerTimeline({
      ctx: c.var.ctx,
      input: { ...c.req.valid('query'), id: c.req.valid('param').id },
    }),
    200,
  ),
)
