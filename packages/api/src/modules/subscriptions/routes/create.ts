import { createRoute } from '@hono/zod-openapi'
import { errorResponses, jsonBody, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { createSubscriptionBody, subscriptionDetailSchema } from '../schema.js'
import { createSubscription } from '../services/create-subscription.js'
import { getSubscription } from '../services/get-subscription.js'
import { issuePeriodInvoices } from '../services/issue-period-invoices.js'

const route = createRoute({
  method: 'post',
  path: '/',
  tags: ['Subscriptions'],
  security,
  summary: 'Subscribe a customer to a plan',
  description:
    'Without a trial, a subscription starting today gets its first invoice at once; later periods are invoiced by the billing run when they start.',
  request: { body: jsonBody(createSubscriptionBody) },
  responses: { 201: jsonResponse(subscriptionDetailSchema, 'The new subscription'), ...errorResponses },
})

export const createSubscriptionRoute = createRouter().openapi(route, async (c) => {
  const { ctx, deps } = c.var
  const id = await createSubscription({ ctx, deps, input: c.req.valid('json') })
  await issuePeriodInvoices({
    db: ctx.db,
    clock: deps.clock,
    mode: deps.config.COINBOOK_NETWORK_MODE,
    subscriptionId: id,
  })
  return c.json(await getSubscription({ ctx, id }), 201)
})
