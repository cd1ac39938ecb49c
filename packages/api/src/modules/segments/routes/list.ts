import { createRoute } from '@hono/zod-openapi'
import { errorResponses, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { segmentListSchema } from '../schema.js'
import { listSegments } from '../services/list-segments.js'

const route = createRoute({
  method: 'get',
  path: '/',
  tags: ['Segments'],
  security,
  summary: 'List the merchant’s own segments',
  responses: { 200: jsonResponse(segmentListSchema, 'The segments, by name'), ...errorResponses },
})

export const listSegmentsRoute = createRouter().openapi(route, async (c) =>
  c.json(await listSegments({ ctx: c.var.ctx }), 200),
)
