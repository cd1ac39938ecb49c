import { createRoute } from '@hono/zod-openapi'
import { errorResponses, jsonBody, jsonResponse, problemSchema } from '../../../http/openapi.js'
import { payerJsonHeaders } from '../../../http/page-headers.js'
import { createRouter } from '../../../http/router.js'
import { quoteBody, quoteSchema } from '../../invoices/schema.js'
import {
  publicPaymentLinkSchema,
  sessionSchema,
  sessionTokenParam,
  slugParam,
  startSessionBody,
} from '../schema.js'
import { loadPublicLink } from '../services/public-link.js'
import { quoteSession } from '../services/quote-session.js'
import { loadSession } from '../services/session-state.js'
import { startSession } from '../services/start-session.js'

const tags = ['Payment links (public)']
const gone = {
  description: 'Disabled, expired or used up (`reason`: disabled | expired | used_up)',
  content: { 'application/problem+json': { schema: problemSchema } },
}

const getLink = createRoute({
  method: 'get',
  path: '/{slug}',
  tags,
  summary: 'What a payment link’s page shows (no sign-in)',
  request: { params: slugParam },
  responses: {
    200: jsonResponse(publicPaymentLinkSchema, 'The link'),
    404: errorResponses[404],
    410: gone,
  },
})

const start = createRoute({
  method: 'post',
  path: '/{slug}/sessions',
  tags,
  summary: 'Submit the payer’s answers and start paying',
  description:
    'Every field the link collects is required and no other is accepted; `amount` only on a custom-amount link. Keep the returned `token`.',
  request: { params: slugParam, body: jsonBody(startSessionBody) },
  responses: {
    201: jsonResponse(sessionSchema, 'The session'),
    400: errorResponses[400],
    404: errorResponses[404],
    410: gone,
  },
})

const getSession = createRoute({
  method: 'get',
  path: '/{token}',
  tags,
  summary: 'A payer’s session: the coin picked, payments seen, paid or not',
  request: { params: sessionTokenParam },
  responses: { 200: jsonResponse(sessionSchema, 'The session'), 404: errorResponses[404] },
})

const quote = createRoute({
  method: 'post',
  path: '/{token}/quote',
  tags,
  summary: 'Pick a coin: the address, exact amount, payment URI and QR code',
  request: { params: sessionTokenParam, body: jsonBody(quoteBody) },
  responses: { 201: jsonResponse(quoteSchema, 'The quote'), ...errorResponses, 410: gone },
})

/** /public/payment-links: no caller; the slug is the capability. */
const links = createRouter()
links.use('*', payerJsonHeaders())
export const publicPaymentLinkRoutes = links
  .openapi(getLink, async (c) => c.json(await loadPublicLink(c.var.deps, c.req.valid('param').slug), 200))
  .openapi(start, async (c) =>
    c.json(await startSession(c.var.deps, c.req.valid('param').slug, c.req.valid('json')), 201),
  )

/** /public/payment-link-sessions: the payer's session token is the capability. */
const sessions = createRouter()
sessions.use('*', payerJsonHeaders())
export const publicPaymentLinkSessionRoutes = sessions
  .openapi(getSession, async (c) => c.json(await loadSession(c.var.deps, c.req.valid('param').token), 200))
  .openapi(quote, async (c) =>
    c.json(await quoteSession(c.var.deps, c.req.valid('param').token, c.req.valid('json')), 201),
  )
