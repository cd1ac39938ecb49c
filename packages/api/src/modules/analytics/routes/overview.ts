import { createRouter } from '../../../http/router.js'
import { overviewSchema } from '../schema.js'
import { analyticsOverview } from '../services/overview.js'
import { reportRoute } from './report.js'

export const overviewRoute = createRouter().openapi(
  reportRoute('/overview', 'Summary cards, countries and coin mix', overviewSchema),
  async (c) =>
    c.json(
      await analyticsOverview({ ctx: c.var.ctx, input: c.req.valid('query'), now: c.var.deps.clock.now() }),
      200,
    ),
)
