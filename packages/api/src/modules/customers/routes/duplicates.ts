import { createRoute } from '@hono/zod-openapi'
import { errorResponses, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { duplicateListSchema } from '../schema.js'
import { findDuplicates } from '../services/find-duplicates.js'

const route = createRoute({
  method: 'get',
  path: '/duplicates',
  tags: ['Customers'],
  security,
  summary: 'Find likely duplicate customers',
  description: 'Groups sharing a normalised email, a phone number, or a name at the same company.',
  responses: { 200: jsonResponse(duplicateListSchema, 'Up to 100 groups'), ...errorResponses },
})

export const duplicatesRoute = createRouter().openapi(route, async (c) =>
  c.json({ data: await findDuplicates({ ctx: c.var.ctx }) }, 200),
)
