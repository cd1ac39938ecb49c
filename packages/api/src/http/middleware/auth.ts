import type { Context, MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import type { Role } from '../../db/database.js'
import { ForbiddenError, UnauthorizedError } from '../../errors.js'
import { callerFromApiKey, callerFromSession } from '../../modules/auth/services/resolve-caller.js'
import type { AppEnv } from '../env.js'

export const SESSION_COOKIE = 'coinbook_session'
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Accepts `Authorization: Bearer <api key>` or the session cookie, and puts the caller's merchant on
 * `c.var.ctx`. Viewers may read but never write.
 */
export function authenticate(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { db } = c.var.deps
    const header = c.req.header('authorization')
    let caller = null
    if (header) {
      const [scheme, key] = header.split(' ')
      if (scheme?.toLowerCase() !== 'bearer' || !key) {
        throw new UnauthorizedError('The Authorization header must be "Bearer <api key>"')
      }
      caller = await callerFromApiKey(db, key)
      if (!caller) throw new UnauthorizedError('This API key is not valid or was revoked')
    } else {
      const token = getCookie(c, SESSION_COOKIE)
      if (token) caller = await callerFromSession(db, token)
      if (!caller) throw new UnauthorizedError()
    }
    if (caller.via === 'session' && !SAFE_METHODS.has(c.req.method)) assertSameOrigin(c)
    if (!SAFE_METHODS.has(c.req.method) && caller.actor.role === 'viewer') {
      throw new ForbiddenError('Viewers can read but not change anything; ask an owner or admin')
    }
    c.set('ctx', { db, merchantId: caller.merchantId, actor: caller.actor })
    if (caller.sessionId) c.set('sessionId', caller.sessionId)
    await next()
  }
}

/** Restricts a route to some roles (for example member management to owners and admins). */
export function requireRole(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!roles.includes(c.var.ctx.actor.role)) {
      throw new ForbiddenError(`This needs the role ${roles.join(' or ')}`)
    }
    await next()
  }
}

/**
 * A cookie-authenticated write must come from our own pages. SameSite=Lax already keeps the cookie off
 * cross-site posts; checking Origin (sent by every browser on such requests) closes the rest.
 */
export function assertSameOrigin(c: Context<AppEnv>) {
  const origin = c.req.header('origin')
  if (!origin) return
  const allowed = new Set([new URL(c.req.url).origin])
  const publicUrl = c.var.deps.config.PUBLIC_URL
  if (publicUrl) allowed.add(new URL(publicUrl).origin)
  const host = c.req.header('host')
  if (host) allowed.add(`${new URL(c.req.url).protocol}//${host}`)
  if (!allowed.has(origin)) throw new ForbiddenError(`Requests from ${origin} may not use this session`)
}
