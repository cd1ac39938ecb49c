import { z } from 'zod'
import { utcDate } from '../../clock.js'
import { recordOverdueInvoices } from '../../modules/invoices/services/record-overdue.js'
import { logger } from '../../observability/logger.js'
import { defineJob } from '../runner.js'

/**
 * Every 15 minutes: records `invoice.overdue` once for each open or partially paid invoice whose due date
 * has passed (invoices.overdue_event_at marks it, so later runs skip it). Beside analytics.overdue, which
 * refreshes the customers' metrics and writes no event.
 */
export const invoicesOverdueJob = defineJob({
  id: 'invoices.overdue',
  version: 1,
  // A merchant id limits the run to that merchant (tests, which share one database).
  schema: z.object({ merchantId: z.uuid().optional() }),
  repeatEveryMs: 15 * 60_000,
  handler: async (payload, deps) => {
    const recorded = await recordOverdueInvoices(deps.db, utcDate(deps.clock.now()), payload.merchantId)
    if (recorded > 0) logger.info({ recorded }, 'invoice.overdue recorded')
  },
})
