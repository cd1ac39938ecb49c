import { z } from 'zod'
import { refreshOverdueCustomers, utcDay } from '../../modules/analytics/metrics.js'
import { logger } from '../../observability/logger.js'
import { defineJob } from '../runner.js'

/**
 * Hourly: an invoice past its due date counts against its customer's success rate (metrics.ts) without
 * anything being written to it, so the customers whose invoices fell overdue in the last days are
 * refreshed. Idempotent: a second run the same day writes the same figures.
 */
export const analyticsOverdueJob = defineJob({
  id: 'analytics.overdue',
  version: 1,
  schema: z.object({}),
  repeatEveryMs: 60 * 60_000,
  handler: async (_payload, deps) => {
    const refreshed = await refreshOverdueCustomers(deps.db, utcDay(deps.clock.now()))
    if (refreshed > 0) logger.info({ refreshed }, 'overdue customers refreshed')
  },
})
