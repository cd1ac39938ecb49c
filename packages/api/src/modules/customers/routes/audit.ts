import { createRoute } from '@hono/zod-openapi'
import { uuidParam } from '../../../http/fields.js'
import { errorResponses, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { auditListSchema, customerAuditQuery } from '../schema.js'
import { listCustomerAudit } from '../services/list-customer-audit.js'

const route = createRoute({
  method: 'get',
  path: '/{id}/audit',
  tags: ['Customers'],
  security,
  summary: 'A customer’s activity: who created, changed or merged it',
  request: { params: uuidParam, query: customerAuditQuery },
  responses: { 200: jsonResponse(auditListSchema, 'Audit entries, newest first'), ...errorResponses },
})

export const customerAuditRoute = createRouter().openapi(route, async (c) =>
  c.json(
    await listCustomerAudit({
      ctx: c.var.ctx,
      input: { ...c.req.valid('query'), id: c.req.valid('param').id },
    }),
    200,
  ),
)
