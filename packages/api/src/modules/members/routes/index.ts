import { createRoute } from '@hono/zod-openapi'
import { uuidParam as idParam } from '../../../http/fields.js'
import { requireRole } from '../../../http/middleware/auth.js'
import { errorResponses, jsonBody, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { createMemberBody, memberListSchema, memberSchema } from '../schema.js'
import { createMember, listMembers, removeMember } from '../services/members.js'

const tags = ['Members']
const managers = requireRole('owner', 'admin')

const create = createRoute({
  method: 'post',
  path: '/',
  tags,
  security,
  summary: 'Add a teammate with a role',
  middleware: managers,
  request: { body: jsonBody(createMemberBody) },
  responses: { 201: jsonResponse(memberSchema, 'The new member'), ...errorResponses },
})

const list = createRoute({
  method: 'get',
  path: '/',
  tags,
  security,
  summary: 'List the merchant\u2019s team',
  responses: { 200: jsonResponse(memberListSchema, 'Members'), ...errorResponses },
})

const remove = createRoute({
  method: 'delete',
  path: '/{id}',
  tags,
  security,
  summary: 'Remove a teammate',
  middleware: managers,
  request: { params: idParam },
  responses: { 204: { description: 'Removed' }, ...errorResponses },
})

export const memberRoutes = createRouter()
  .openapi(create, async (c) =>
    c.json(await createMember({ ctx: c.var.ctx, input: c.req.valid('json') }), 201),
  )
  .openapi(list, async (c) => c.json({ data: await listMembers({ ctx: c.var.ctx }) }, 200))
  .openapi(remove, async (c) => {
    await removeMember({ ctx: c.var.ctx, id: c.req.valid('param').id })
    return c.body(null, 204)
  })
