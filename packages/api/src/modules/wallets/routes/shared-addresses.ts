import { createRoute } from '@hono/zod-openapi'
import { uuidParam } from '../../../http/fields.js'
import { requireRole } from '../../../http/middleware/auth.js'
import { errorResponses, jsonBody, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { addSharedAddressBody, sharedAddressListSchema, sharedAddressSchema } from '../schema.js'
import { addSharedAddress, listSharedAddresses, removeSharedAddress } from '../services/shared-addresses.js'

const tags = ['Wallets']

const list = createRoute({
  method: 'get',
  path: '/shared-addresses',
  tags,
  security,
  summary: 'Addresses on EVM, Bitcoin and Tron that every customer pays',
  responses: { 200: jsonResponse(sharedAddressListSchema, 'Shared receiving addresses'), ...errorResponses },
})

const add = createRoute({
  method: 'post',
  path: '/shared-addresses',
  tags,
  security,
  summary: 'Receive on an address from everyone: payments to it are recognised by the sender’s wallet',
  middleware: requireRole('owner', 'admin'),
  request: { body: jsonBody(addSharedAddressBody) },
  responses: { 201: jsonResponse(sharedAddressSchema, 'The shared address'), ...errorResponses },
})

const remove = createRoute({
  method: 'delete',
  path: '/shared-addresses/{id}',
  tags,
  security,
  summary: 'Stop receiving on a shared address',
  middleware: requireRole('owner', 'admin'),
  request: { params: uuidParam },
  responses: { 204: { description: 'Removed' }, ...errorResponses },
})

/** Mounted under /wallets, before the wallet routes' /{network}. */
export const sharedAddressRoutes = createRouter()
  .openapi(list, async (c) => c.json({ data: await listSharedAddresses({ ctx: c.var.ctx }) }, 200))
  .openapi(add, async (c) => {
    const { deps } = c.var
    const created = await addSharedAddress({
      ctx: c.var.ctx,
      input: c.req.valid('json'),
      mode: deps.config.COINBOOK_NETWORK_MODE,
      onAdded: (network, address) => deps.chains.watch(network, address),
    })
    return c.json(created, 201)
  })
  .openapi(remove, async (c) => {
    await removeSharedAddress({ ctx: c.var.ctx, id: c.req.valid('param').id })
    return c.body(null, 204)
  })
