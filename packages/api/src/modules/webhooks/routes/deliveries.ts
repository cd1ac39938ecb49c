import { createRoute } from '@hono/zod-openapi'
import { uuidParam } from '../../../http/fields.js'
import { errorResponses, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { deliveryDetailSchema, deliveryListSchema, deliveryParams, listDeliveriesQuery } from '../schema.js'
import { getWebhookDelivery, listWebhookDeliveries } from '../services/list-deliveries.js'

const tags = ['Webhooks']

const list = createRoute({
  method: 'get',
  path: '/{id}/deliveries',
  tags,
  security,
  summary: 'An endpoint’s delivery log, newest first',
  request: { params: uuidParam, query: listDeliveriesQuery },
  responses: { 200: jsonResponse(deliveryListSchema, 'A page of deliveries'), ...errorResponses },
})

const getOne = createRoute({
  method: 'get',
  path: '/{id}/deliveries/{deliveryId}',
  tags,
  security,
  summary: 'One delivery: its payload and every attempt (status, latency, response excerpt, error)',
  request: { params: deliveryParams },
  responses: { 200: jsonResponse(deliveryDetailSchema, 'The delivery'), ...errorResponses },
})

export const deliveryRoutes = createRouter()
  .openapi(list, async (c) =>
    c.json(
      await listWebhookDeliveries({
        ctx: c.var.ctx,
        endpointId: c.req.valid('param').id,
        input: c.req.valid('query'),
      }),
      200,
    ),
  )
  .openapi(getOne, async (c) => {
    const { id, deliveryId } = c.req.valid('param')
    return c.json(await getWebhookDelivery({ ctx: c.var.ctx, endpointId: id, deliveryId }), 200)
  })
