import { createRoute } from '@hono/zod-openapi'
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../../../http/env.js'
import { errorResponses, jsonBody, jsonResponse } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { quoteBody, quoteSchema } from '../../invoices/schema.js'
import { checkoutSchema, tokenParam } from '../schema.js'
import { loadCheckout, quoteCheckout } from '../services/checkout.js'
import { checkoutEvents, eventsRoute } from './events.js'

const tags = ['Checkout (public)']

/** The pay link's JSON is for one payer's page: never cached, framed, indexed or sent on as a referrer. */
function checkoutHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next()
    c.header('Cache-Control', 'no-store')
    c.header('Referrer-Policy', 'no-referrer')
    c.header('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'")
    c.header('X-Robots-Tag', 'noindex, nofollow')
  }
}

const get = createRoute({
  method: 'get',
  path: '/{token}',
  tags,
  summary: 'The invoice a pay link opens (no sign-in)',
  request: { params: tokenParam },
  responses: { 200: jsonResponse(checkoutSchema, 'The checkout'), 404: errorResponses[404] },
})

const quote = createRoute({
  method: 'post',
  path: '/{token}/quote',
  tags,
  summary: 'Lock the amount to pay in the coin the payer picked',
  request: { params: tokenParam, body: jsonBody(quoteBody) },
  responses: { 201: jsonResponse(quoteSchema, 'The quote'), ...errorResponses },
})

/** /public/checkout: no caller; the token is the capability. */
const router = createRouter()
router.use('*', checkoutHeaders())
export const checkoutRoutes = router
  .openapi(get, async (c) => c.json(await loadCheckout(c.var.deps, c.req.valid('param').token), 200))
  .openapi(quote, async (c) =>
    c.json(await quoteCheckout(c.var.deps, c.req.valid('param').token, c.req.valid('json')), 201),
  )
  .openapi(eventsRoute, (c) => checkoutEvents(c, c.req.valid('param').token))
