import { createRoute } from '@hono/zod-openapi'
import { errorResponses, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { builtinListSchema, segmentFieldListSchema } from '../schema.js'
import { listBuiltins } from '../services/list-builtins.js'
import { listFields } from '../services/list-fields.js'

const builtinsRoute = createRoute({
  method: 'get',
  path: '/builtin',
  tags: ['Segments'],
  security,
  summary: 'The built-in segments and whether each is available',
  responses: { 200: jsonResponse(builtinListSchema, 'The built-ins'), ...errorResponses },
})

const fieldsRoute = createRoute({
  method: 'get',
  path: '/fields',
  tags: ['Segments'],
  security,
  summary: 'The fields a rule may use, with the ops each allows',
  responses: { 200: jsonResponse(segmentFieldListSchema, 'The fields'), ...errorResponses },
})

export const builtinSegmentsRoute = createRouter()
  .openapi(builtinsRoute, async (c) => c.json(await listBuiltins({ ctx: c.var.ctx }), 200))
  .openapi(fieldsRoute, (c) => c.json(listFields(), 200))
