import { createRoute } from '@hono/zod-openapi'
import { extraTokens } from '../../../config.js'
import { uuidParam } from '../../../http/fields.js'
import { errorResponses, jsonBody, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { createDepositTargetBody, depositTargetListSchema, depositTargetSchema } from '../schema.js'
import { allocateDepositTarget, listDepositTargets } from '../services/allocate.js'

const tags = ['Deposit targets']

const create = createRoute({
  method: 'post',
  path: '/{id}/deposit-targets',
  tags,
  security,
  summary: 'The customer’s deposit address on a network (stable; `fresh` for a new one), with URI and QR',
  request: { params: uuidParam, body: jsonBody(createDepositTargetBody) },
  responses: { 200: jsonResponse(depositTargetSchema, 'The deposit target'), ...errorResponses },
})

const list = createRoute({
  method: 'get',
  path: '/{id}/deposit-targets',
  tags,
  security,
  summary: 'Every deposit address of the customer',
  request: { params: uuidParam },
  responses: {
    200: jsonResponse(depositTargetListSchema, 'Deposit targets, newest first'),
    ...errorResponses,
  },
})

/** Mounted under /customers. */
export const depositTargetRoutes = createRouter()
  .openapi(create, async (c) => {
    const { deps } = c.var
    const target = await allocateDepositTarget({
      ctx: c.var.ctx,
      customerId: c.req.valid('param').id,
      input: c.req.valid('json'),
      mode: deps.config.COINBOOK_NETWORK_MODE,
      tokens: extraTokens(deps.config, c.req.valid('json').network),
      onAllocated: (network, address) => deps.chains.watch(network, address),
    })
    return c.json(target, 200)
  })
  .openapi(list, async (c) =>
    c.json({ data: await listDepositTargets({ ctx: c.var.ctx, customerId: c.req.valid('param').id }) }, 200),
  )
