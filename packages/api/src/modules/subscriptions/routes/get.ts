import { createRoute } from '@hono/zod-openapi'
import { uuidParam } from '../../../http/fields.js'
import { errorResponses, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { listSubscriptionsQuery, subscriptionDetailSchema, subscriptionListSchema } from '../schema.js'
import { getSubscription } from '../services/get-subscription.js'
import { listSubscriptions } from '../services/list-subscriptions.js'

const tags = ['Subscriptions']

const list = createRoute({
  method: 'get',
  path: '/',
  tags,
  security,
  summary: 'Subscriptions, newest first',
  request: { query: listSubscriptionsQuery },
  responses: { 200: jsonResponse(subscriptionListSchema, 'A page of subscriptions'), ...errorResponses },
})

const get = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  security,
  summary: 'One subscription with the invoice of each period issued',
  request: { params: uuidParam },
  responses: { 200: jsonResponse(subscriptionDetailSchema, 'The subscription'), ...errorResponses },
})

export const readSubscriptionRoutes = createRouter()
  .openapi(list, async (c) =>
    c.json(await listSubscriptions({ ctx: c.var.ctx, input: c.req.valid('query') }), 200),
  )
  .openapi(get, async (c) =>
    c.json(await getSubscription({ ctx: c.var.ctx, id: c.req.valid('param').id }), 200),
  )
