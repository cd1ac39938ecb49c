import { createRoute } from '@hono/zod-openapi'
import { utcDate } from '../../../clock.js'
import { uuidParam } from '../../../http/fields.js'
import { errorResponses, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { installmentPlanSchema } from '../schema.js'
import { getInstallmentPlan } from '../services/get-installment-plan.js'

const route = createRoute({
  method: 'get',
  path: '/{id}',
  tags: ['Invoices'],
  security,
  summary: 'An installment plan: its invoices and how many are paid',
  request: { params: uuidParam },
  responses: { 200: jsonResponse(installmentPlanSchema, 'The plan'), ...errorResponses },
})

/** /installment-plans. */
export const installmentPlanRoutes = createRouter().openapi(route, async (c) => {
  const { ctx, deps } = c.var
  return c.json(
    await getInstallmentPlan(ctx.db, ctx.merchantId, c.req.valid('param').id, utcDate(deps.clock.now())),
    200,
  )
})
