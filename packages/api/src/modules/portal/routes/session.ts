import type { Context, MiddlewareHandler } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { UnauthorizedError } from '../../../errors.js'
import type { AppEnv } from '../../../http/env.js'
import { assertSameOrigin } from '../../../http/middleware/auth.js'
import { type PortalCaller, resolvePortalSession } from '../services/sign-in.js'
import { PORTAL_COOKIE } from '../tokens.js'

function secure(c: Context<AppEnv>) {
  const { config } = c.var.deps
  return config.COOKIE_SECURE ?? config.PUBLIC_URL?.startsWith('https://') ?? false
}

/**
 * The portal's own cookie, apart from the merchant's session: httpOnly, SameSite=Lax, sent only to the
 * portal's API. A merchant signed in to the dashboard is not a customer, and a customer is never a user.
 */
export function setPortalCookie(c: Context<AppEnv>, session: { token: string; expiresAt: Date }) {
  setCookie(c, PORTAL_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: secure(c),
    path: '/api/v1/portal',
    expires: session.expiresAt,
  })
}

export function clearPortalCookie(c: Context<AppEnv>) {
  deleteCookie(c, PORTAL_COOKIE, { path: '/api/v1/portal', secure: secure(c) })
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Route middleware (before validation, so a caller without a session gets 401 whatever they sent): puts the
 * signed-in customer on `c.var.portal`; writes must come from our own pages.
 */
export function portalSession(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, PORTAL_COOKIE)
    if (!token) throw new UnauthorizedError('Sign in to the portal with the link we email you')
    c.set('portal', await resolvePortalSession(c.var.deps.db, c.var.deps.clock, token))
    if (!SAFE.has(c.req.method)) assertSameOrigin(c)
    await next()
  }
}

/** The signed-in customer (routes with portalSession() only). */
export function portalCaller(c: Context<AppEnv>): PortalCaller {
  const caller = c.var.portal
  if (!caller) throw new UnauthorizedError('Sign in to the portal with the link we email you')
  return caller
}
