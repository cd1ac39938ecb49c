import { createRoute } from '@hono/zod-openapi'
import { errorResponses, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { meResponse } from '../schema.js'
import { loadMe } from '../services/me.js'

const route = createRoute({
  method: 'get',
  path: '/me',
  tags: ['Auth'],
  summary: 'Who is calling: user, merchant and role',
  security,
  responses: { 200: jsonResponse(meResponse, 'The caller'), 401: errorResponses[401] },
})

export const meRoute = createRouter().openapi(route, async (c) => {
  const { db, merchantId, actor } = c.var.ctx
  return c.json(
    await loadMe({
      db,
      merchantId,
      userId: actor.type === 'user' ? actor.id : null,
      role: actor.role,
      via: actor.type === 'api_key' ? 'api_key' : 'session',
    }),
    200,
  )
})
