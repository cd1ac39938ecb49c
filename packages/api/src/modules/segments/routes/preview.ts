import { createRoute } from '@hono/zod-openapi'
import { errorResponses, jsonBody, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { previewSegmentBody, segmentPreviewSchema } from '../schema.js'
import { previewSegment } from '../services/preview-segment.js'
import { invalidRuleResponse } from './responses.js'

const route = createRoute({
  method: 'post',
  path: '/preview',
  tags: ['Segments'],
  security,
  summary: 'Count and list the customers a rule matches, without saving it',
  request: { body: jsonBody(previewSegmentBody) },
  responses: {
    200: jsonResponse(segmentPreviewSchema, 'The count and first page'),
    ...errorResponses,
    ...invalidRuleResponse,
  },
})

export const previewSegmentRoute = createRouter().openapi(route, async (c) => {
  const { clock, config } = c.var.deps
  return c.json(
    await previewSegment({
      ctx: c.var.ctx,
      input: c.req.valid('json'),
      now: clock.now(),
      cacheSeconds: config.SEGMENT_COUNT_CACHE_SECONDS,
    }),
    200,
  )
})
