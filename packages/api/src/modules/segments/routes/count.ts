import { createRoute } from '@hono/zod-openapi'
import { errorResponses, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { segmentCountSchema, segmentIdParam } from '../schema.js'
import { countSegment } from '../services/count-segment.js'

const route = createRoute({
  method: 'get',
  path: '/{id}/count',
  tags: ['Segments'],
  security,
  summary: 'How many customers a segment (saved or built-in) has now',
  description: 'Counted when asked; the count is reused for SEGMENT_COUNT_CACHE_SECONDS (30).',
  request: { params: segmentIdParam },
  responses: { 200: jsonResponse(segmentCountSchema, 'The count'), ...errorResponses },
})

export const countSegmentRoute = createRouter().openapi(route, async (c) => {
  const { clock, config } = c.var.deps
  return c.json(
    await countSegment({
      ctx: c.var.ctx,
      input: c.req.valid('param'),
      now: clock.now(),
      cacheSeconds: config.SEGMENT_COUNT_CACHE_SECONDS,
    }),
    200,
  )
})
