import { createRouter } from '../../../http/router.js'
import { cohortsSchema } from '../schema.js'
import { analyticsCohorts } from '../services/cohorts.js'
import { reportRoute } from './report.js'

export const cohortsRoute = createRouter().openapi(
  reportRoute('/cohorts', 'Retention cohorts and churn', cohortsSchema),
  async (c) =>
    c.json(
      await analyticsCohorts({ ctx: c.var.ctx, input: c.req.valid('query'), now: c.var.deps.clock.now() }),
      200,
    ),
)
