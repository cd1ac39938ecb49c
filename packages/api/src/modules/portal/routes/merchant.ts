import { createRoute, z } from '@hono/zod-openapi'
import { NotFoundError } from '../../../errors.js'
import { uuidParam } from '../../../http/fields.js'
import { requireRole } from '../../../http/middleware/auth.js'
import { errorResponses, jsonBody, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { assertCustomer } from '../../deposit-targets/services/allocate.js'
import {
  paymentDetailsRequestListQuery,
  paymentDetailsRequestSchema,
  portalSettingsSchema,
  updatePortalSettingsBody,
} from '../schema.js'
import {
  getPaymentDetailsRequest,
  listPaymentDetailsRequests,
  requestPaymentDetails,
} from '../services/request-payment-details.js'
import { getPortalSettings, updatePortalSettings } from '../services/settings.js'

const tags = ['Customer portal']

const getSettings = createRoute({
  method: 'get',
  path: '/',
  tags,
  security,
  summary: 'The customer portal’s settings',
  responses: { 200: jsonResponse(portalSettingsSchema, 'Settings'), ...errorResponses },
})

const patchSettings = createRoute({
  method: 'patch',
  path: '/',
  tags,
  security,
  middleware: requireRole('owner', 'admin'),
  summary: 'Switch the portal on or off, choose what customers may change there',
  request: { body: jsonBody(updatePortalSettingsBody) },
  responses: { 200: jsonResponse(portalSettingsSchema, 'Settings'), ...errorResponses },
})

/** Mounted at /portal-settings. */
export const portalSettingsRoutes = createRouter()
  .openapi(getSettings, async (c) => c.json(await getPortalSettings({ ctx: c.var.ctx }), 200))
  .openapi(patchSettings, async (c) =>
    c.json(await updatePortalSettings({ ctx: c.var.ctx, input: c.req.valid('json') }), 200),
  )

const requestOne = createRoute({
  method: 'post',
  path: '/{id}/payment-details-request',
  tags,
  security,
  summary: 'Email the customer a portal link asking for their coins and a refund address',
  request: { params: uuidParam },
  responses: { 201: jsonResponse(paymentDetailsRequestSchema, 'Requested'), ...errorResponses },
})

const getOne = createRoute({
  method: 'get',
  path: '/{id}/payment-details-request',
  tags,
  security,
  summary: 'When the customer was last asked for payment details, and whether they answered',
  request: { params: uuidParam },
  responses: { 200: jsonResponse(paymentDetailsRequestSchema, 'The request'), ...errorResponses },
})

/** Mounted under /customers. */
export const customerPaymentDetailsRoutes = createRouter()
  .openapi(requestOne, async (c) => {
    const request = await requestPaymentDetails({
      ctx: c.var.ctx,
      clock: c.var.deps.clock,
      customerId: c.req.valid('param').id,
    })
    return c.json(request as z.infer<typeof paymentDetailsRequestSchema>, 201)
  })
  .openapi(getOne, async (c) => {
    const { id } = c.req.valid('param')
    await assertCustomer(c.var.ctx, id)
    const request = await getPaymentDetailsRequest(c.var.ctx.db, c.var.ctx.merchantId, id)
    if (!request) throw new NotFoundError('Payment details request')
    return c.json(request, 200)
  })

const listRoute = createRoute({
  method: 'get',
  path: '/',
  tags,
  security,
  summary: 'Who was asked for payment details and who answered',
  request: { query: paymentDetailsRequestListQuery },
  responses: {
    200: jsonResponse(
      z.object({
        data: z.array(
          paymentDetailsRequestSchema.extend({
            customerName: z.string(),
            customerEmail: z.string().nullable(),
          }),
        ),
      }),
      'Requests',
    ),
    ...errorResponses,
  },
})

/** Mounted at /payment-details-requests. */
export const paymentDetailsRequestRoutes = createRouter().openapi(listRoute, async (c) =>
  c.json({ data: await listPaymentDetailsRequests({ ctx: c.var.ctx, input: c.req.valid('query') }) }, 200),
)
