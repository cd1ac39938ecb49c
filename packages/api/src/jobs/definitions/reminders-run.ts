import { z } from 'zod'
import { runReminders } from '../../modules/reminders/services/run.js'
import { logger } from '../../observability/logger.js'
import { defineJob } from '../runner.js'

/**
 * Every 15 minutes: sends the invoice reminders and renewal notices whose 09:00 local has come. 15 minutes
 * is how late after 09:00 a reminder may go; zones at :30 and :45 offsets fall on a run too.
 */
export const remindersRunJob = defineJob({
  id: 'reminders.run',
  version: 1,
  // A merchant id runs that merchant only (tests, a manual run); the repeatable run covers everyone.
  schema: z.object({ merchantId: z.uuid().optional() }),
  repeatEveryMs: 15 * 60_000,
  handler: async (payload, deps) => {
    const result = await runReminders(deps, payload)
    if (result.sent + result.skipped + result.renewalsSent + result.renewalsSkipped > 0)
      logger.info(result, 'reminder run')
  },
})
