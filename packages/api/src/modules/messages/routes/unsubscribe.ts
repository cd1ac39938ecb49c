import { createRoute, z } from '@hono/zod-openapi'
import { errorResponses } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { resolveUnsubscribe, unsubscribe } from '../services/unsubscribe.js'
import { escapeHtml } from '../templates/render.js'

const tags = ['Email']
const query = z.object({ token: z.string().min(1).max(300) })
const html = { 'text/html': { schema: z.string() } }

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="referrer" content="no-referrer"><title>${title}</title></head><body style="font-family:Helvetica,Arial,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1f2933"><h1 style="font-size:1.4rem">${title}</h1>${body}</body></html>`

const kindName = (kind: string) => kind.replace(/_/g, ' ')

const show = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'The unsubscribe page of a signed link (asks to confirm)',
  request: { query },
  responses: { 200: { description: 'A confirmation form', content: html }, ...errorResponses },
})

const confirm = createRoute({
  method: 'post',
  path: '/',
  tags,
  summary: 'Unsubscribe (the page’s button, and List-Unsubscribe-Post one-click)',
  request: { query },
  responses: { 200: { description: 'Unsubscribed', content: html }, ...errorResponses },
})

/** Mounted at /public/unsubscribe: no session, the signed token is the authority. */
export const unsubscribeRoutes = createRouter()
  .openapi(show, async (c) => {
    const { token } = c.req.valid('query')
    // A GET changes nothing: mail scanners open links; the button (or the one-click POST) unsubscribes.
    const r = await resolveUnsubscribe(c.var.deps.db, token)
    return c.html(
      page(
        'Unsubscribe',
        `<p>Stop receiving ${escapeHtml(kindName(r.kind))} emails from ${escapeHtml(r.merchantName)}?</p><form method="post" action="?token=${escapeHtml(encodeURIComponent(token))}"><button type="submit" style="font-size:1rem;padding:.5rem 1rem">Unsubscribe</button></form><p style="color:#52606d">Invoices and receipts are still sent.</p>`,
      ),
      200,
    )
  })
  .openapi(confirm, async (c) => {
    const r = await unsubscribe(c.var.deps.db, c.req.valid('query').token)
    return c.html(
      page(
        'You are unsubscribed',
        `<p>${escapeHtml(r.merchantName)} will not send you ${escapeHtml(kindName(r.kind))} emails any more.</p>`,
      ),
      200,
    )
  })
