import { createRoute } from '@hono/zod-openapi'
import { errorResponses, jsonBody, jsonResponse } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { loginBody, meResponse } from '../schema.js'
import { loadMe } from '../services/me.js'
import { callerFromSession } from '../services/resolve-caller.js'
import { login } from '../services/sessions.js'
import { setSessionCookie } from './cookie.js'

const route = createRoute({
  method: 'post',
  path: '/login',
  tags: ['Auth'],
  summary: 'Sign in with email and password',
  request: { body: jsonBody(loginBody) },
  responses: {
    200: jsonResponse(meResponse, 'Signed in; the session cookie is set'),
    400: errorResponses[400],
    401: errorResponses[401],
  },
})

export const loginRoute = createRouter().openapi(route, async (c) => {
  const { db, config } = c.var.deps
  const session = await login({ db, input: c.req.valid('json'), ttlHours: config.SESSION_TTL_HOURS })
  setSessionCookie(c, session)
  const caller = await callerFromSession(db, session.token)
  if (!caller) throw new Error('a session just created could not be read back')
  return c.json(
    await loadMe({
      db,
      merchantId: caller.merchantId,
      userId: caller.actor.id,
      role: caller.actor.role,
      via: 'session',
    }),
    200,
  )
})
