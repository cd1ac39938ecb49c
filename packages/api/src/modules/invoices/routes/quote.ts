import { createRoute } from '@hono/zod-openapi'
import { uuidParam } from '../../../http/fields.js'
import { errorResponses, jsonBody, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { quoteBody, quoteSchema } from '../schema.js'
import { createQuote } from '../services/create-quote.js'

const route = createRoute({
  method: 'post',
  path: '/{id}/quotes',
  tags: ['Invoices'],
  security,
  summary: 'Lock the crypto amount of what is due in one coin for QUOTE_TTL',
  description:
    'The quote’s address (or Solana Pay reference, or TON comment) is the invoice’s own. A payment after expiresAt is valued at the rate when it arrives and marks the invoice paidLate.',
  request: { params: uuidParam, body: jsonBody(quoteBody) },
  responses: {
    201: jsonResponse(quoteSchema, 'The quote'),
    ...errorResponses,
    503: { ...errorResponses[409], description: 'No exchange rate for the coin right now' },
  },
})

export const quoteRoute = createRouter().openapi(route, async (c) =>
  c.json(
    await createQuote({
      ctx: c.var.ctx,
      deps: c.var.deps,
      invoiceId: c.req.valid('param').id,
      input: c.req.valid('json'),
    }),
    201,
  ),
)
