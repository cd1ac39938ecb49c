import { createRoute } from '@hono/zod-openapi'
import { uuidParam } from '../../../http/fields.js'
import { errorResponses, jsonBody, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import {
  putRefundAddressBody,
  refundAddressListSchema,
  refundAddressSchema,
  refundParams,
} from '../schema.js'
import { listRefundAddresses } from '../services/list-refund-addresses.js'
import { putRefundAddress } from '../services/put-refund-address.js'
import { removeRefundAddress } from '../services/remove-refund-address.js'

const tags = ['Payment methods']

const list = createRoute({
  method: 'get',
  path: '/{id}/refund-addresses',
  tags,
  security,
  summary: 'Where a customer’s refunds go, per network',
  request: { params: uuidParam },
  responses: { 200: jsonResponse(refundAddressListSchema, 'Refund addresses'), ...errorResponses },
})

const put = createRoute({
  method: 'put',
  path: '/{id}/refund-addresses/{network}',
  tags,
  security,
  summary: 'Set the customer’s refund address on a network (checked for that network)',
  request: { params: refundParams, body: jsonBody(putRefundAddressBody) },
  responses: { 200: jsonResponse(refundAddressSchema, 'The refund address'), ...errorResponses },
})

const remove = createRoute({
  method: 'delete',
  path: '/{id}/refund-addresses/{network}',
  tags,
  security,
  summary: 'Remove the customer’s refund address on a network',
  request: { params: refundParams },
  responses: { 204: { description: 'Removed' }, ...errorResponses },
})

/** Mounted under /customers. */
export const refundAddressRoutes = createRouter()
  .openapi(list, async (c) =>
    c.json({ data: await listRefundAddresses({ ctx: c.var.ctx, customerId: c.req.valid('param').id }) }, 200),
  )
  .openapi(put, async (c) => {
    const { id, network } = c.req.valid('param')
    return c.json(
      await putRefundAddress({
        ctx: c.var.ctx,
        customerId: id,
        network,
        input: c.req.valid('json'),
        mode: c.var.deps.config.COINBOOK_NETWORK_MODE,
      }),
      200,
    )
  })
  .openapi(remove, async (c) => {
    const { id, network } = c.req.valid('param')
    await removeRefundAddress({ ctx: c.var.ctx, customerId: id, network })
    return c.body(null, 204)
  })
