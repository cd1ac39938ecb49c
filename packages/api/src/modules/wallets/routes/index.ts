import { createRoute } from '@hono/zod-openapi'
import { requireRole } from '../../../http/middleware/auth.js'
import { errorResponses, jsonBody, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { networkParam, putWalletBody, walletListSchema, walletSchema } from '../schema.js'
import { listWallets, putWallet } from '../services/wallets.js'

const tags = ['Wallets']

const put = createRoute({
  method: 'put',
  path: '/{network}',
  tags,
  security,
  summary: 'Set the watch-only key (or wallet address) a network receives on',
  middleware: requireRole('owner', 'admin'),
  request: { params: networkParam, body: jsonBody(putWalletBody) },
  responses: { 200: jsonResponse(walletSchema, 'The wallet with its first addresses'), ...errorResponses },
})

const list = createRoute({
  method: 'get',
  path: '/',
  tags,
  security,
  summary: 'The receiving setup of every configured network',
  responses: { 200: jsonResponse(walletListSchema, 'Wallets'), ...errorResponses },
})

export const walletRoutes = createRouter()
  .openapi(put, async (c) => {
    const mode = c.var.deps.config.COINBOOK_NETWORK_MODE
    const wallet = await putWallet({
      ctx: c.var.ctx,
      network: c.req.valid('param').network,
      input: c.req.valid('json'),
      mode,
    })
    return c.json(wallet, 200)
  })
  .openapi(list, async (c) =>
    c.json(
      { data: await listWallets({ ctx: c.var.ctx, mode: c.var.deps.config.COINBOOK_NETWORK_MODE }) },
      200,
    ),
  )
