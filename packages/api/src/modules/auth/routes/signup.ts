import { createRoute } from '@hono/zod-openapi'
import { errorResponses, jsonBody, jsonResponse } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { meResponse, signupBody } from '../schema.js'
import { loadMe } from '../services/me.js'
import { createSession } from '../services/sessions.js'
import { signup } from '../services/signup.js'
import { setSessionCookie } from './cookie.js'

const route = createRoute({
  method: 'post',
  path: '/signup',
  tags: ['Auth'],
  summary: 'Create a merchant and its owner, and sign in',
  request: { body: jsonBody(signupBody) },
  responses: {
    201: jsonResponse(meResponse, 'Signed up; the session cookie is set'),
    400: errorResponses[400],
    409: errorResponses[409],
  },
})

export const signupRoute = createRouter().openapi(route, async (c) => {
  const { db, config } = c.var.deps
  const input = c.req.valid('json')
  const { merchantId, userId } = await signup({ db, input })
  const session = await createSession({ db, userId, merchantId, ttlHours: config.SESSION_TTL_HOURS })
  setSessionCookie(c, session)
  return c.json(await loadMe({ db, merchantId, userId, role: 'owner', via: 'session' }), 201)
})
