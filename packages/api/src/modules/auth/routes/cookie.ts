import type { Context } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import type { AppEnv } from '../../../http/env.js'
import { SESSION_COOKIE } from '../../../http/middleware/auth.js'

function secure(c: Context<AppEnv>) {
  const { config } = c.var.deps
  return config.COOKIE_SECURE ?? config.PUBLIC_URL?.startsWith('https://') ?? false
}

/** httpOnly, SameSite=Lax: scripts cannot read it and other sites cannot send it with a write. */
export function setSessionCookie(c: Context<AppEnv>, session: { token: string; expiresAt: Date }) {
  setCookie(c, SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: secure(c),
    path: '/',
    expires: session.expiresAt,
  })
}

export function clearSessionCookie(c: Context<AppEnv>) {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: secure(c) })
}
