import { createRoute } from '@hono/zod-openapi'
import { uuidParam } from '../../../http/fields.js'
import { errorResponses, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { deleteSegment } from '../services/delete-segment.js'

const route = createRoute({
  method: 'delete',
  path: '/{id}',
  tags: ['Segments'],
  security,
  summary: 'Delete a segment (its customers are not touched)',
  request: { params: uuidParam },
  responses: { 204: { description: 'Deleted' }, ...errorResponses },
})

export const deleteSegmentRoute = createRouter().openapi(route, async (c) => {
  await deleteSegment({ ctx: c.var.ctx, input: c.req.valid('param') })
  return c.body(null, 204)
})
