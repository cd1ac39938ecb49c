import { createRouter } from '../../../http/router.js'
import { revenueSchema } from '../schema.js'
import { analyticsRevenue } from '../services/revenue.js'
import { reportRoute } from './report.js'

export const revenueRoute = createRouter().openapi(
  reportRoute('/revenue', 'Revenue and payments per period, asset and network', revenueSchema),
  async (c) =>
    c.json(
      await analyticsRevenue({ ctx: c.var.ctx, input: c.req.valid('query'), now: c.var.deps.clock.now() }),
      200,
    ),
)
