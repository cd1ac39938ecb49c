import { createRoute } from '@hono/zod-openapi'
import { errorResponses, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { networkStatusListSchema } from '../schema.js'
import { listNetworkStatus } from '../services/network-status.js'

const list = createRoute({
  method: 'get',
  path: '/networks',
  tags: ['Status'],
  security,
  summary: "Each network's node health, head, scan position, lag and last scan",
  responses: { 200: jsonResponse(networkStatusListSchema, 'One entry per network'), ...errorResponses },
})

export const statusRoutes = createRouter().openapi(list, async (c) =>
  c.json({ data: await listNetworkStatus({ ctx: c.var.ctx, chains: c.var.deps.chains }) }, 200),
)
