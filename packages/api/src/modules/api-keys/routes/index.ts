import { createRoute } from '@hono/zod-openapi'
import { uuidParam as idParam } from '../../../http/fields.js'
import { requireRole } from '../../../http/middleware/auth.js'
import { errorResponses, jsonBody, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { apiKeyListSchema, createApiKeyBody, createdApiKeySchema } from '../schema.js'
import { createApiKey, listApiKeys, revokeApiKey } from '../services/api-keys.js'

const tags = ['API keys']

const create = createRoute({
  method: 'post',
  path: '/',
  tags,
  security,
  summary: 'Create an API key (the secret is shown once)',
  middleware: requireRole('owner', 'admin'),
  request: { body: jsonBody(createApiKeyBody) },
  responses: { 201: jsonResponse(createdApiKeySchema, 'The new key'), ...errorResponses },
})

const list = createRoute({
  method: 'get',
  path: '/',
  tags,
  security,
  summary: 'List active API keys',
  responses: { 200: jsonResponse(apiKeyListSchema, 'Active keys, newest first'), ...errorResponses },
})

const revoke = createRoute({
  method: 'delete',
  path: '/{id}',
  tags,
  security,
  summary: 'Revoke an API key',
  middleware: requireRole('owner', 'admin'),
  request: { params: idParam },
  responses: { 204: { description: 'Revoked' }, ...errorResponses },
})

export const apiKeyRoutes = createRouter()
  .openapi(create, async (c) =>
    c.json(await createApiKey({ ctx: c.var.ctx, input: c.req.valid('json') }), 201),
  )
  .openapi(list, async (c) => c.json({ data: await listApiKeys({ ctx: c.var.ctx }) }, 200))
  .openapi(revoke, async (c) => {
    await revokeApiKey({ ctx: c.var.ctx, id: c.req.valid('param').id })
    return c.body(null, 204)
  })
