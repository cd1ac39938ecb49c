import { createRouter } from '../../../http/router.js'
import { agingSchema } from '../schema.js'
import { analyticsAging } from '../services/aging.js'
import { reportRoute } from './report.js'

export const agingRoute = createRouter().openapi(
  reportRoute('/aging', 'Receivables aging and days to pay', agingSchema),
  async (c) =>
    c.json(
      await analyticsAging({ ctx: c.var.ctx, input: c.req.valid('query'), now: c.var.deps.clock.now() }),
      200,
    ),
)
