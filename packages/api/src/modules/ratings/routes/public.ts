import { createRoute } from '@hono/zod-openapi'
import { errorResponses, jsonBody, jsonResponse } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { tokenParam } from '../../checkout/schema.js'
import { publicRatingSchema, ratingBody } from '../schema.js'
import { rateInvoice } from '../services/rate-invoice.js'

const route = createRoute({
  method: 'put',
  path: '/{token}/rating',
  tags: ['Checkout (public)'],
  summary: 'Rate a paid invoice (1–5, optional comment); again replaces it',
  request: { params: tokenParam, body: jsonBody(ratingBody) },
  responses: {
    200: jsonResponse(publicRatingSchema, 'The rating'),
    400: errorResponses[400],
    404: errorResponses[404],
    409: errorResponses[409],
  },
})

/** Mounted at /public/checkout beside the checkout: the pay link's token is the capability. */
const router = createRouter()
router.use('*', async (c, next) => {
  await next()
  c.header('Cache-Control', 'no-store')
  c.header('Referrer-Policy', 'no-referrer')
})
export const checkoutRatingRoutes = router.openapi(route, async (c) =>
  c.json(await rateInvoice(c.var.deps, c.req.valid('param').token, c.req.valid('json')), 200),
)
