import { createRoute } from '@hono/zod-openapi'
import { errorResponses, jsonBody, jsonResponse } from '../../../http/openapi.js'
import { payerJsonHeaders } from '../../../http/page-headers.js'
import { createRouter } from '../../../http/router.js'
import { quoteBody, quoteSchema } from '../../invoices/schema.js'
import { checkoutSchema, tokenParam } from '../schema.js'
import { loadCheckout, quoteCheckout } from '../services/checkout.js'
import { checkoutEvents, eventsRoute } from './events.js'

const tags = ['Checkout (public)']

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
router.use('*', payerJsonHeaders())
export const checkoutRoutes = router
  .openapi(get, async (c) => c.json(await loadCheckout(c.var.deps, c.req.valid('param').token), 200))
  .openapi(quote, async (c) =>
    c.json(await quoteCheckout(c.var.deps, c.req.valid('param').token, c.req.valid('json')), 201),
  )
  .openapi(eventsRoute, (c) => checkoutEvents(c, c.req.valid('param').token))
