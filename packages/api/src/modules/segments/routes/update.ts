import { createRoute } from '@hono/zod-openapi'
import { uuidParam } from '../../../http/fields.js'
import { errorResponses, jsonBody, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { segmentSchema, updateSegmentBody } from '../schema.js'
import { updateSegment } from '../services/update-segment.js'
import { invalidRuleResponse } from './responses.js'

const route = createRoute({
  method: 'patch',
  path: '/{id}',
  tags: ['Segments'],
  security,
  summary: 'Rename a segment or change its rule',
  request: { params: uuidParam, body: jsonBody(updateSegmentBody) },
  responses: { 200: jsonResponse(segmentSchema, 'The segment'), ...errorResponses, ...invalidRuleResponse },
})

export const updateSegmentRoute = createRouter().openapi(route, async (c) =>
  c.json(
    await updateSegment({
      ctx: c.var.ctx,
      input: { id: c.req.valid('param').id, changes: c.req.valid('json') },
    }),
    200,
  ),
)
