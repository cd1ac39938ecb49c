import { z } from 'zod'
import { runBulkAction } from '../../modules/bulk-actions/services/run-bulk-action.js'
import { defineJob } from '../runner.js'

/** Runs one bulk action on customers (tags, tier, status, delete, export) in id-ordered batches. */
export const customersBulkJob = defineJob({
  id: 'customers.bulk',
  version: 1,
  schema: z.object({ bulkActionId: z.uuid() }),
  // Each batch commits with its cursor, so a retry resumes where the last attempt stopped.
  attempts: 5,
  handler: async ({ bulkActionId }, deps) => {
    await runBulkAction(deps, bulkActionId)
  },
})
