import { createRoute, z } from '@hono/zod-openapi'
import { getCookie } from 'hono/cookie'
import { ForbiddenError, NotFoundError } from '../../../errors.js'
import { errorResponses, jsonBody, jsonResponse } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { cancelSubscription } from '../../subscriptions/services/cancel-subscription.js'
import {
  messagePreferencesSchema,
  paymentDetailsBody,
  portalInvoiceSchema,
  portalLoginBody,
  portalMeSchema,
  portalPaymentSchema,
  portalProfileBody,
  portalRefundParams,
  portalSessionBody,
  portalSubscriptionSchema,
  putMessagePreferencesBody,
  putRefundAddressBody,
  refundAddressSchema,
  requestPaymentDetailsParams,
} from '../schema.js'
import {
  answerPaymentDetails,
  getMessagePreferences,
  listPortalRefundAddresses,
  portalContext,
  putMessagePreferences,
  putPortalRefundAddress,
  removePortalRefundAddress,
  updatePortalProfile,
} from '../services/edit.js'
import {
  getPortalMe,
  listPortalInvoices,
  listPortalPayments,
  listPortalSubscriptions,
} from '../services/read.js'
import { loadPortalSettings } from '../services/settings.js'
import { endPortalSessionByToken, enterPortal, requestPortalSignIn } from '../services/sign-in.js'
import { PORTAL_COOKIE } from '../tokens.js'
import { clearPortalCookie, portalCaller, portalSession, setPortalCookie } from './session.js'

const tags = ['Customer portal']
const security = [{ portalCookie: [] }]
const list = <T extends z.ZodType>(item: T, name: string) =>
  jsonResponse(z.object({ data: z.array(item) }), name)

const login = createRoute({
  method: 'post',
  path: '/login',
  tags,
  summary: 'Email a customer a sign-in link (always 202: whether the email is a customer is not told)',
  request: { body: jsonBody(portalLoginBody) },
  responses: {
    202: { description: 'If the email is a customer’s, a link is on its way' },
    400: errorResponses[400],
  },
})

const enter = createRoute({
  method: 'post',
  path: '/session',
  tags,
  summary: 'Trade a link’s token for a portal session (once; the link expires in 15 minutes)',
  request: { body: jsonBody(portalSessionBody) },
  responses: {
    201: jsonResponse(portalMeSchema, 'Signed in; the portal cookie is set'),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
  },
})

const logout = createRoute({
  method: 'post',
  path: '/logout',
  tags,
  summary: 'Sign out of the portal (without a session: nothing to do, 204 all the same)',
  responses: { 204: { description: 'Signed out' } },
})

const me = createRoute({
  method: 'get',
  path: '/me',
  tags,
  security,
  middleware: portalSession(),
  summary: 'The signed-in customer, their merchant and what they may change',
  responses: { 200: jsonResponse(portalMeSchema, 'The customer'), ...errorResponses },
})

const profile = createRoute({
  method: 'patch',
  path: '/profile',
  tags,
  security,
  middleware: portalSession(),
  summary: 'Change contact details, billing address or preferred coins (as the merchant allows)',
  request: { body: jsonBody(portalProfileBody) },
  responses: { 200: jsonResponse(portalMeSchema, 'The customer'), ...errorResponses },
})

const invoices = createRoute({
  method: 'get',
  path: '/invoices',
  tags,
  security,
  middleware: portalSession(),
  summary: 'The customer’s invoices, with the checkout link of those still due',
  responses: { 200: list(portalInvoiceSchema, 'Invoices'), ...errorResponses },
})

const payments = createRoute({
  method: 'get',
  path: '/payments',
  tags,
  security,
  middleware: portalSession(),
  summary: 'The customer’s payments, each with its receipt',
  responses: { 200: list(portalPaymentSchema, 'Payments'), ...errorResponses },
})

const subscriptions = createRoute({
  method: 'get',
  path: '/subscriptions',
  tags,
  security,
  middleware: portalSession(),
  summary: 'The customer’s subscriptions',
  responses: { 200: list(portalSubscriptionSchema, 'Subscriptions'), ...errorResponses },
})

const cancel = createRoute({
  method: 'post',
  path: '/subscriptions/{id}/cancel',
  tags,
  security,
  middleware: portalSession(),
  summary: 'Cancel a subscription at the end of its period (when the merchant allows it)',
  request: { params: requestPaymentDetailsParams },
  responses: { 200: list(portalSubscriptionSchema, 'Subscriptions'), ...errorResponses },
})

const refundList = createRoute({
  method: 'get',
  path: '/refund-addresses',
  tags,
  security,
  middleware: portalSession(),
  summary: 'Where the customer’s refunds go, per network',
  responses: { 200: list(refundAddressSchema, 'Refund addresses'), ...errorResponses },
})

const refundPut = createRoute({
  method: 'put',
  path: '/refund-addresses/{network}',
  tags,
  security,
  middleware: portalSession(),
  summary: 'Set the refund address on a network (checked for that network)',
  request: { params: portalRefundParams, body: jsonBody(putRefundAddressBody) },
  responses: { 200: jsonResponse(refundAddressSchema, 'The refund address'), ...errorResponses },
})

const refundDelete = createRoute({
  method: 'delete',
  path: '/refund-addresses/{network}',
  tags,
  security,
  middleware: portalSession(),
  summary: 'Remove the refund address on a network',
  request: { params: portalRefundParams },
  responses: { 204: { description: 'Removed' }, ...errorResponses },
})

const prefsGet = createRoute({
  method: 'get',
  path: '/message-preferences',
  tags,
  security,
  middleware: portalSession(),
  summary: 'The optional emails and whether the customer gets them',
  responses: { 200: jsonResponse(messagePreferencesSchema, 'Preferences'), ...errorResponses },
})

const prefsPut = createRoute({
  method: 'put',
  path: '/message-preferences',
  tags,
  security,
  middleware: portalSession(),
  summary: 'Choose which optional emails to receive',
  request: { body: jsonBody(putMessagePreferencesBody) },
  responses: { 200: jsonResponse(messagePreferencesSchema, 'Preferences'), ...errorResponses },
})

const details = createRoute({
  method: 'put',
  path: '/payment-details',
  tags,
  security,
  middleware: portalSession(),
  summary: 'Answer the merchant’s payment details request: preferred coins and a refund address',
  request: { body: jsonBody(paymentDetailsBody) },
  responses: { 200: jsonResponse(portalMeSchema, 'The customer'), ...errorResponses },
})

/** Mounted at /api/v1/portal, outside the merchant's authentication: the portal cookie is its own. */
export const portalRoutes = createRouter()
  .openapi(login, async (c) => {
    await requestPortalSignIn(c.var.deps.db, c.var.deps.clock, c.req.valid('json'))
    return c.body(null, 202)
  })
  .openapi(enter, async (c) => {
    const { db, clock } = c.var.deps
    const input = c.req.valid('json')
    const session = await enterPortal(db, clock, input)
    setPortalCookie(c, session)
    const caller = { sessionId: '', merchantId: input.merchant, customerId: session.customerId }
    return c.json(await getPortalMe(db, caller), 201)
  })
  .openapi(logout, async (c) => {
    const token = getCookie(c, PORTAL_COOKIE)
    if (token) await endPortalSessionByToken(c.var.deps.db, token)
    clearPortalCookie(c)
    return c.body(null, 204)
  })
  .openapi(me, async (c) => c.json(await getPortalMe(c.var.deps.db, portalCaller(c)), 200))
  .openapi(profile, async (c) => {
    const caller = portalCaller(c)
    await updatePortalProfile(c.var.deps.db, caller, c.req.valid('json'))
    return c.json(await getPortalMe(c.var.deps.db, caller), 200)
  })
  .openapi(invoices, async (c) =>
    c.json({ data: await listPortalInvoices(c.var.deps.db, portalCaller(c)) }, 200),
  )
  .openapi(payments, async (c) =>
    c.json({ data: await listPortalPayments(c.var.deps.db, portalCaller(c)) }, 200),
  )
  .openapi(subscriptions, async (c) =>
    c.json({ data: await listPortalSubscriptions(c.var.deps.db, portalCaller(c)) }, 200),
  )
  .openapi(cancel, async (c) => {
    const { db, clock } = c.var.deps
    const caller = portalCaller(c)
    const { id } = c.req.valid('param')
    if (!(await loadPortalSettings(db, caller.merchantId)).allowSubscriptionCancel)
      throw new ForbiddenError('The merchant does not let customers cancel subscriptions here; contact them')
    // Another customer's subscription (or another merchant's) is simply not found.
    const own = await db
      .selectFrom('subscriptions')
      .select('id')
      .where('merchant_id', '=', caller.merchantId)
      .where('customer_id', '=', caller.customerId)
      .where('id', '=', id)
      .executeTakeFirst()
    if (!own) throw new NotFoundError('Subscription', id)
    await cancelSubscription({
      ctx: portalContext(db, caller),
      deps: { clock },
      id,
      input: { atPeriodEnd: true },
    })
    return c.json({ data: await listPortalSubscriptions(db, caller) }, 200)
  })
  .openapi(refundList, async (c) =>
    c.json({ data: await listPortalRefundAddresses(c.var.deps.db, portalCaller(c)) }, 200),
  )
  .openapi(refundPut, async (c) => {
    const caller = portalCaller(c)
    const { config, db } = c.var.deps
    const saved = await putPortalRefundAddress(
      db,
      caller,
      c.req.valid('param').network,
      c.req.valid('json'),
      config.COINBOOK_NETWORK_MODE,
    )
    return c.json(saved, 200)
  })
  .openapi(refundDelete, async (c) => {
    const caller = portalCaller(c)
    await removePortalRefundAddress(c.var.deps.db, caller, c.req.valid('param').network)
    return c.body(null, 204)
  })
  .openapi(prefsGet, async (c) =>
    c.json({ data: await getMessagePreferences(c.var.deps.db, portalCaller(c)) }, 200),
  )
  .openapi(prefsPut, async (c) => {
    const caller = portalCaller(c)
    return c.json({ data: await putMessagePreferences(c.var.deps.db, caller, c.req.valid('json')) }, 200)
  })
  .openapi(details, async (c) => {
    const caller = portalCaller(c)
    const { config, db, clock } = c.var.deps
    await answerPaymentDetails(db, clock, caller, c.req.valid('json'), config.COINBOOK_NETWORK_MODE)
    return c.json(await getPortalMe(db, caller), 200)
  })
