import { createRoute } from '@hono/zod-openapi'
import { uuidParam } from '../../../http/fields.js'
import { errorResponses, jsonBody, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import {
  addPayerWalletBody,
  payerWalletListSchema,
  payerWalletSchema,
  updatePayerWalletBody,
  walletParams,
} from '../schema.js'
import { addPayerWallet } from '../services/add-payer-wallet.js'
import { listPayerWallets } from '../services/list-payer-wallets.js'
import { removePayerWallet } from '../services/remove-payer-wallet.js'
import { updatePayerWallet } from '../services/update-payer-wallet.js'

const tags = ['Payment methods']

const list = createRoute({
  method: 'get',
  path: '/{id}/wallets',
  tags,
  security,
  summary: 'The wallets a customer paid from (learned) or that you added',
  request: { params: uuidParam },
  responses: { 200: jsonResponse(payerWalletListSchema, 'Wallets by network'), ...errorResponses },
})

const add = createRoute({
  method: 'post',
  path: '/{id}/wallets',
  tags,
  security,
  summary: 'Add a wallet the customer pays from, so their payments to a shared address are recognised',
  request: { params: uuidParam, body: jsonBody(addPayerWalletBody) },
  responses: { 201: jsonResponse(payerWalletSchema, 'The wallet'), ...errorResponses },
})

const update = createRoute({
  method: 'patch',
  path: '/{id}/wallets/{walletId}',
  tags,
  security,
  summary: 'Label a wallet, or mark its address shared',
  request: { params: walletParams, body: jsonBody(updatePayerWalletBody) },
  responses: { 200: jsonResponse(payerWalletSchema, 'The wallet'), ...errorResponses },
})

const remove = createRoute({
  method: 'delete',
  path: '/{id}/wallets/{walletId}',
  tags,
  security,
  summary: 'Forget a wallet for this customer',
  request: { params: walletParams },
  responses: { 204: { description: 'Removed' }, ...errorResponses },
})

/** Mounted under /customers. */
export const payerWalletRoutes = createRouter()
  .openapi(list, async (c) =>
    c.json({ data: await listPayerWallets({ ctx: c.var.ctx, customerId: c.req.valid('param').id }) }, 200),
  )
  .openapi(add, async (c) =>
    c.json(
      await addPayerWallet({
        ctx: c.var.ctx,
        customerId: c.req.valid('param').id,
        input: c.req.valid('json'),
        mode: c.var.deps.config.COINBOOK_NETWORK_MODE,
      }),
      201,
    ),
  )
  .openapi(update, async (c) => {
    const { id, walletId } = c.req.valid('param')
    return c.json(
      await updatePayerWallet({ ctx: c.var.ctx, customerId: id, walletId, input: c.req.valid('json') }),
      200,
    )
  })
  .openapi(remove, async (c) => {
    const { id, walletId } = c.req.valid('param')
    await removePayerWallet({ ctx: c.var.ctx, customerId: id, walletId })
    return c.body(null, 204)
  })
