import type { Context, MiddlewareHandler } from 'hono'
import type { AppEnv } from './env.js'

/**
 * The policy of every page of the dashboard the server hands out: scripts, styles, fonts and requests only
 * from this origin (Vite's build has no inline script), inline style attributes (React's `style`), images from
 * here or data:/blob: URLs (the QR codes, an avatar's preview), nothing framed and no framing, no plugins, no
 * `<base>`, forms posting only here.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ')

/**
 * Pages a payer or a customer opens from a link carrying a secret (`/pay/{token}`, a payment link, the
 * portal's sign-in): the link must not leak through a Referer, be cached by a shared cache or be indexed.
 */
const PUBLIC_PAGES = ['/pay/', '/l/', '/portal']

/** Sets the security headers of an HTML page of the dashboard on `c` before it is answered. */
export function setPageHeaders(c: Context, path: string): void {
  c.header('Content-Security-Policy', PAGE_CSP)
  c.header('X-Content-Type-Options', 'nosniff')
  c.header('X-Frame-Options', 'DENY')
  c.header('Cross-Origin-Opener-Policy', 'same-origin')
  const isPublic = PUBLIC_PAGES.some((p) => path.startsWith(p))
  c.header('Referrer-Policy', isPublic ? 'no-referrer' : 'same-origin')
  if (isPublic) {
    c.header('Cache-Control', 'no-store')
    c.header('X-Robots-Tag', 'noindex, nofollow')
  } else {
    c.header('Cache-Control', 'no-cache')
  }
}

/** The JSON behind a payer's page (a pay link's, a payment link's): never cached, framed, indexed or sent on as a referrer. */
export function payerJsonHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next()
    c.header('Cache-Control', 'no-store')
    c.header('Referrer-Policy', 'no-referrer')
    c.header('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'")
    c.header('X-Robots-Tag', 'noindex, nofollow')
  }
}
