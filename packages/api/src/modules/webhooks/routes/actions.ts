import { createRoute } from '@hono/zod-openapi'
import { uuidParam } from '../../../http/fields.js'
import { requireRole } from '../../../http/middleware/auth.js'
import { errorResponses, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { deliveryDetailSchema, deliveryParams, endpointWithSecretSchema } from '../schema.js'
import { replayWebhookDelivery, sendTestWebhook } from '../services/replay-delivery.js'
import { rotateWebhookSecret } from '../services/rotate-secret.js'

const tags = ['Webhooks']
const writers = requireRole('owner', 'admin')

const rotate = createRoute({
  method: 'post',
  path: '/{id}/rotate-secret',
  tags,
  security,
  summary: 'New signing secret (shown once); the old one also signs for 24 hours',
  middleware: writers,
  request: { params: uuidParam },
  responses: {
    200: jsonResponse(endpointWithSecretSchema, 'The endpoint and its new secret'),
    ...errorResponses,
  },
})

const test = createRoute({
  method: 'post',
  path: '/{id}/test',
  tags,
  security,
  summary: 'Send a webhook.test event now',
  middleware: writers,
  request: { params: uuidParam },
  responses: {
    200: jsonResponse(deliveryDetailSchema, 'The test delivery and its attempt'),
    ...errorResponses,
  },
})

const replay = createRoute({
  method: 'post',
  path: '/{id}/deliveries/{deliveryId}/replay',
  tags,
  security,
  summary: 'Send a delivery again now (same webhook-id, a new attempt)',
  middleware: writers,
  request: { params: deliveryParams },
  responses: {
    200: jsonResponse(deliveryDetailSchema, 'The delivery with the new attempt'),
    ...errorResponses,
  },
})

export const endpointActionRoutes = createRouter()
  .openapi(rotate, async (c) =>
    c.json(await rotateWebhookSecret({ ctx: c.var.ctx, deps: c.var.deps, id: c.req.valid('param').id }), 200),
  )
  .openapi(test, async (c) =>
    c.json(
      await sendTestWebhook({ ctx: c.var.ctx, deps: c.var.deps, endpointId: c.req.valid('param').id }),
      200,
    ),
  )
  .openapi(replay, async (c) => {
    const { id, deliveryId } = c.req.valid('param')
    return c.json(
      await replayWebhookDelivery({ ctx: c.var.ctx, deps: c.var.deps, endpointId: id, deliveryId }),
      200,
    )
  })
