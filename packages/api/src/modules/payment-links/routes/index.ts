import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { AppEnv } from '../../../http/env.js'
import { uuidParam } from '../../../http/fields.js'
import { errorResponses, jsonBody, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import {
  createPaymentLinkBody,
  listPaymentLinksQuery,
  paymentLinkSchema,
  paymentLinkUseSchema,
  updatePaymentLinkBody,
} from '../schema.js'
import { createPaymentLink } from '../services/create-link.js'
import { getPaymentLink, listPaymentLinks } from '../services/get-link.js'
import { listPaymentLinkUses } from '../services/list-uses.js'
import { updatePaymentLink } from '../services/update-link.js'

const tags = ['Payment links']

const create = createRoute({
  method: 'post',
  path: '/',
  tags,
  security,
  summary: 'Create a payment link',
  description:
    'A public page at `url` (/l/{slug}) that asks the payer for the fields in `collect`, lets them pick a coin and pay. Their first payment creates a customer (source `payment_link`) or matches the one with their email.',
  request: { body: jsonBody(createPaymentLinkBody) },
  responses: { 201: jsonResponse(paymentLinkSchema, 'The new link'), ...errorResponses },
})

const list = createRoute({
  method: 'get',
  path: '/',
  tags,
  security,
  summary: 'List payment links, newest first',
  request: { query: listPaymentLinksQuery },
  responses: {
    200: jsonResponse(z.object({ data: z.array(paymentLinkSchema) }), 'The links'),
    ...errorResponses,
  },
})

const get = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  security,
  summary: 'A payment link',
  request: { params: uuidParam },
  responses: { 200: jsonResponse(paymentLinkSchema, 'The link'), ...errorResponses },
})

const update = createRoute({
  method: 'patch',
  path: '/{id}',
  tags,
  security,
  summary: 'Edit, disable or enable a payment link',
  description: 'Amount and currency stay as created. `maxUses` or `expiresAt` null removes the limit.',
  request: { params: uuidParam, body: jsonBody(updatePaymentLinkBody) },
  responses: { 200: jsonResponse(paymentLinkSchema, 'The link'), ...errorResponses },
})

const uses = createRoute({
  method: 'get',
  path: '/{id}/uses',
  tags,
  security,
  summary: 'Who paid through a link',
  description: 'Each payer whose payment was seen: the customer it created or matched, and their payments.',
  request: { params: uuidParam },
  responses: {
    200: jsonResponse(z.object({ data: z.array(paymentLinkUseSchema) }), 'The uses, latest first'),
    ...errorResponses,
  },
})

const deps = (c: Context<AppEnv>) => ({
  clock: c.var.deps.clock,
  mode: c.var.deps.config.COINBOOK_NETWORK_MODE,
})

/** /payment-links. */
export const paymentLinkRoutes = createRouter()
  .openapi(create, async (c) =>
    c.json(await createPaymentLink({ ctx: c.var.ctx, deps: deps(c), input: c.req.valid('json') }), 201),
  )
  .openapi(list, async (c) =>
    c.json({ data: await listPaymentLinks(c.var.ctx, c.req.valid('query'), c.var.deps.clock.now()) }, 200),
  )
  .openapi(get, async (c) =>
    c.json(await getPaymentLink(c.var.ctx, c.req.valid('param').id, c.var.deps.clock.now()), 200),
  )
  .openapi(update, async (c) =>
    c.json(
      await updatePaymentLink({
        ctx: c.var.ctx,
        deps: deps(c),
        id: c.req.valid('param').id,
        input: c.req.valid('json'),
      }),
      200,
    ),
  )
  .openapi(uses, async (c) =>
    c.json({ data: await listPaymentLinkUses(c.var.ctx, c.req.valid('param').id) }, 200),
  )
