import { createRoute } from '@hono/zod-openapi'
import { errorResponses, jsonBody, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { createSegmentBody, segmentSchema } from '../schema.js'
import { createSegment } from '../services/create-segment.js'
import { invalidRuleResponse } from './responses.js'

const route = createRoute({
  method: 'post',
  path: '/',
  tags: ['Segments'],
  security,
  summary: 'Save a segment',
  request: { body: jsonBody(createSegmentBody) },
  responses: {
    201: jsonResponse(segmentSchema, 'The new segment'),
    ...errorResponses,
    ...invalidRuleResponse,
  },
})

export const createSegmentRoute = createRouter().openapi(route, async (c) =>
  c.json(await createSegment({ ctx: c.var.ctx, input: c.req.valid('json') }), 201),
)
