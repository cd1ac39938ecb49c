import { createRoute } from '@hono/zod-openapi'
import { uuidParam } from '../../../http/fields.js'
import { errorResponses, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { segmentSchema } from '../schema.js'
import { getSegment } from '../services/get-segment.js'

const route = createRoute({
  method: 'get',
  path: '/{id}',
  tags: ['Segments'],
  security,
  summary: 'Get a segment',
  request: { params: uuidParam },
  responses: { 200: jsonResponse(segmentSchema, 'The segment'), ...errorResponses },
})

export const getSegmentRoute = createRouter().openapi(route, async (c) =>
  c.json(await getSegment({ ctx: c.var.ctx, input: c.req.valid('param') }), 200),
)
