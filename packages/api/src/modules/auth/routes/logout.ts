import { createRoute } from '@hono/zod-openapi'
import { getCookie } from 'hono/cookie'
import { SESSION_COOKIE } from '../../../http/middleware/auth.js'
import { createRouter } from '../../../http/router.js'
import { hashSecret } from '../secrets.js'
import { deleteSession } from '../services/sessions.js'
import { clearSessionCookie } from './cookie.js'

const route = createRoute({
  method: 'post',
  path: '/logout',
  tags: ['Auth'],
  summary: 'End the current session',
  responses: { 204: { description: 'Signed out (also when there was no session)' } },
})

export const logoutRoute = createRouter().openapi(route, async (c) => {
  const token = getCookie(c, SESSION_COOKIE)
  if (token) await deleteSession({ db: c.var.deps.db, sessionId: hashSecret(token) })
  clearSessionCookie(c)
  return c.body(null, 204)
})
