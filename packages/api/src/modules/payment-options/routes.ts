import { assetIds, assets, networkIds, networks, paymentOptions } from '@coinbook/chain-watchers/registry'
import { createRoute, z } from '@hono/zod-openapi'
import { errorResponses, jsonResponse, security } from '../../http/openapi.js'
import { createRouter } from '../../http/router.js'

const paymentOptionSchema = z
  .object({
    asset: z.enum(assetIds),
    assetName: z.string(),
    network: z.enum(networkIds),
    networkName: z.string(),
    decimals: z.number().int(),
    contract: z
      .string()
      .nullable()
      .openapi({ description: 'Token contract or mint; null for the native coin' }),
  })
  .openapi('PaymentOptionInfo')

const route = createRoute({
  method: 'get',
  path: '/',
  tags: ['Payment options'],
  security,
  summary: 'Every coin Coinbook accepts, as (asset, network) pairs',
  responses: {
    200: jsonResponse(z.object({ data: z.array(paymentOptionSchema) }), 'Payment options in registry order'),
    401: errorResponses[401],
  },
})

export const paymentOptionRoutes = createRouter().openapi(route, (c) => {
  const mode = c.var.deps.config.COINBOOK_NETWORK_MODE
  const data = paymentOptions(mode).map((o) => ({
    asset: o.asset,
    assetName: assets[o.asset].name,
    network: o.network,
    networkName: networks[o.network].name,
    decimals: o.decimals,
    contract: o.contract ?? null,
  }))
  return c.json({ data }, 200)
})
