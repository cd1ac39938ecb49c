import { createRoute } from '@hono/zod-openapi'
import { uuidParam } from '../../../http/fields.js'
import { errorResponses, jsonBody, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { createPlanBody, listPlansQuery, planListSchema, planSchema } from '../schema.js'
import { setPlanArchived } from '../services/archive-plan.js'
import { createPlan } from '../services/create-plan.js'
import { getPlan } from '../services/get-plan.js'
import { listPlans } from '../services/list-plans.js'

const tags = ['Subscriptions']

const create = createRoute({
  method: 'post',
  path: '/',
  tags,
  security,
  summary: 'Create a plan',
  description: 'A price per interval (every `intervalCount` days, weeks, months, quarters or years).',
  request: { body: jsonBody(createPlanBody) },
  responses: { 201: jsonResponse(planSchema, 'The new plan'), ...errorResponses },
})

const list = createRoute({
  method: 'get',
  path: '/',
  tags,
  security,
  summary: 'Plans, newest first',
  description: 'Archived plans are left out unless `archived` is `true` (only them) or `all`.',
  request: { query: listPlansQuery },
  responses: { 200: jsonResponse(planListSchema, 'A page of plans'), ...errorResponses },
})

const get = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  security,
  summary: 'One plan',
  request: { params: uuidParam },
  responses: { 200: jsonResponse(planSchema, 'The plan'), ...errorResponses },
})

const archive = createRoute({
  method: 'post',
  path: '/{id}/archive',
  tags,
  security,
  summary: 'Archive a plan',
  description:
    'It starts no new subscriptions (creating one is a 409) and leaves the plan list; its subscriptions go on billing.',
  request: { params: uuidParam },
  responses: { 200: jsonResponse(planSchema, 'The archived plan'), ...errorResponses },
})

const unarchive = createRoute({
  method: 'post',
  path: '/{id}/unarchive',
  tags,
  security,
  summary: 'Bring an archived plan back',
  request: { params: uuidParam },
  responses: { 200: jsonResponse(planSchema, 'The plan, live again'), ...errorResponses },
})

/** /plans. */
export const planRoutes = createRouter()
  .openapi(create, async (c) =>
    c.json(await createPlan({ ctx: c.var.ctx, deps: c.var.deps, input: c.req.valid('json') }), 201),
  )
  .openapi(list, async (c) => c.json(await listPlans({ ctx: c.var.ctx, input: c.req.valid('query') }), 200))
  .openapi(get, async (c) => c.json(await getPlan({ ctx: c.var.ctx, id: c.req.valid('param').id }), 200))
  .openapi(archive, async (c) =>
    c.json(
      await setPlanArchived({
        ctx: c.var.ctx,
        deps: c.var.deps,
        id: c.req.valid('param').id,
        archived: true,
      }),
      200,
    ),
  )
  .openapi(unarchive, async (c) =>
    c.json(
      await setPlanArchived({
        ctx: c.var.ctx,
        deps: c.var.deps,
        id: c.req.valid('param').id,
        archived: false,
      }),
      200,
    ),
  )
