import { createRoute } from '@hono/zod-openapi'
import { uuidParam } from '../../../http/fields.js'
import { errorResponses, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { cancelSubscriptionBody, subscriptionDetailSchema } from '../schema.js'
import { cancelSubscription } from '../services/cancel-subscription.js'
import { getSubscription } from '../services/get-subscription.js'
import { pauseSubscription } from '../services/pause-subscription.js'
import { resumeSubscription } from '../services/resume-subscription.js'

const tags = ['Subscriptions']
const ok = { 200: jsonResponse(subscriptionDetailSchema, 'The subscription'), ...errorResponses }

const cancel = createRoute({
  method: 'post',
  path: '/{id}/cancel',
  tags,
  security,
  summary: 'Cancel now or at the end of the current period',
  request: {
    params: uuidParam,
    body: { content: { 'application/json': { schema: cancelSubscriptionBody } } },
  },
  responses: ok,
})

const pause = createRoute({
  method: 'post',
  path: '/{id}/pause',
  tags,
  security,
  summary: 'Pause billing',
  request: { params: uuidParam },
  responses: ok,
})

const resume = createRoute({
  method: 'post',
  path: '/{id}/resume',
  tags,
  security,
  summary: 'Resume billing from the next period start',
  description: 'Periods that started while paused are not invoiced.',
  request: { params: uuidParam },
  responses: ok,
})

export const subscriptionLifecycleRoutes = createRouter()
  .openapi(cancel, async (c) => {
    const { ctx, deps } = c.var
    const { id } = c.req.valid('param')
    const input = cancelSubscriptionBody.parse(c.req.valid('json') ?? {})
    await cancelSubscription({ ctx, deps, id, input })
    return c.json(await getSubscription({ ctx, id }), 200)
  })
  .openapi(pause, async (c) => {
    const { ctx, deps } = c.var
    const { id } = c.req.valid('param')
    await pauseSubscription({ ctx, deps, id })
    return c.json(await getSubscription({ ctx, id }), 200)
  })
  .openapi(resume, async (c) => {
    const { ctx, deps } = c.var
    const { id } = c.req.valid('param')
    await resumeSubscription({ ctx, deps, id })
    return c.json(await getSubscription({ ctx, id }), 200)
  })
