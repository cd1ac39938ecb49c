import { z } from 'zod'
import { runBilling } from '../../modules/subscriptions/services/run-billing.js'
import { logger } from '../../observability/logger.js'
import { defineJob } from '../runner.js'

/** Every minute: issues the invoices of subscription periods that have started and moves statuses along. */
export const billingIssueJob = defineJob({
  id: 'billing.issue',
  version: 1,
  // A merchant id bills that merchant only (a manual run); the repeatable run bills everyone.
  schema: z.object({ merchantId: z.uuid().optional() }),
  repeatEveryMs: 60_000,
  handler: async (payload, deps) => {
    const result = await runBilling(deps, payload)
    if (result.issued > 0 || result.pastDue > 0 || result.canceledUnpaid > 0)
      logger.info(result, 'billing run')
  },
})
