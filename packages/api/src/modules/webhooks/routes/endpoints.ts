import { createRoute } from '@hono/zod-openapi'
import { uuidParam } from '../../../http/fields.js'
import { requireRole } from '../../../http/middleware/auth.js'
import { errorResponses, jsonBody, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import {
  createEndpointBody,
  endpointListSchema,
  endpointSchema,
  endpointWithSecretSchema,
  updateEndpointBody,
} from '../schema.js'
import { createWebhookEndpoint } from '../services/create-endpoint.js'
import { getWebhookEndpoint, listWebhookEndpoints } from '../services/get-endpoint.js'
import { deleteWebhookEndpoint, updateWebhookEndpoint } from '../services/update-endpoint.js'

const tags = ['Webhooks']
const writers = requireRole('owner', 'admin')
const refused = {
  422: {
    description:
      'The URL is refused: it resolves to a private, loopback, link-local or metadata address, or is not https',
  },
}

const create = createRoute({
  method: 'post',
  path: '/',
  tags,
  security,
  summary: 'Create a webhook endpoint (the signing secret is shown once)',
  middleware: writers,
  request: { body: jsonBody(createEndpointBody) },
  responses: {
    201: jsonResponse(endpointWithSecretSchema, 'The endpoint and its secret'),
    ...errorResponses,
    ...refused,
  },
})

const list = createRoute({
  method: 'get',
  path: '/',
  tags,
  security,
  summary: 'Your webhook endpoints',
  responses: { 200: jsonResponse(endpointListSchema, 'Endpoints, newest first'), ...errorResponses },
})

const getOne = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  security,
  summary: 'One webhook endpoint',
  request: { params: uuidParam },
  responses: { 200: jsonResponse(endpointSchema, 'The endpoint'), ...errorResponses },
})

const update = createRoute({
  method: 'patch',
  path: '/{id}',
  tags,
  security,
  summary: 'Change an endpoint’s URL, events, description, or enable/disable it',
  middleware: writers,
  request: { params: uuidParam, body: jsonBody(updateEndpointBody) },
  responses: { 200: jsonResponse(endpointSchema, 'The endpoint'), ...errorResponses, ...refused },
})

const disable = createRoute({
  method: 'post',
  path: '/{id}/disable',
  tags,
  security,
  summary: 'Stop sending to an endpoint (events meanwhile are not queued for it)',
  middleware: writers,
  request: { params: uuidParam },
  responses: { 200: jsonResponse(endpointSchema, 'The disabled endpoint'), ...errorResponses },
})

const remove = createRoute({
  method: 'delete',
  path: '/{id}',
  tags,
  security,
  summary: 'Delete an endpoint and its delivery log',
  middleware: writers,
  request: { params: uuidParam },
  responses: { 204: { description: 'Deleted' }, ...errorResponses },
})

export const endpointRoutes = createRouter()
  .openapi(create, async (c) =>
    c.json(
      await createWebhookEndpoint({ ctx: c.var.ctx, deps: c.var.deps, input: c.req.valid('json') }),
      201,
    ),
  )
  .openapi(list, async (c) => c.json(await listWebhookEndpoints({ ctx: c.var.ctx }), 200))
  .openapi(getOne, async (c) =>
    c.json(await getWebhookEndpoint({ ctx: c.var.ctx, id: c.req.valid('param').id }), 200),
  )
  .openapi(update, async (c) =>
    c.json(
      await updateWebhookEndpoint({
        ctx: c.var.ctx,
        deps: c.var.deps,
        id: c.req.valid('param').id,
        input: c.req.valid('json'),
      }),
      200,
    ),
  )
  .openapi(disable, async (c) =>
    c.json(
      await updateWebhookEndpoint({
        ctx: c.var.ctx,
        deps: c.var.deps,
        id: c.req.valid('param').id,
        input: { enabled: false },
      }),
      200,
    ),
  )
  .openapi(remove, async (c) => {
    await deleteWebhookEndpoint({ ctx: c.var.ctx, id: c.req.valid('param').id })
    return c.body(null, 204)
  })
