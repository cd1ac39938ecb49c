import { z } from 'zod'
import { sendDueMessages } from '../../modules/messages/services/send-due.js'
import { logger } from '../../observability/logger.js'
import { defineJob } from '../runner.js'

/** Every MAIL_SEND_INTERVAL_SECONDS: sends the outbox's due messages over SMTP (nothing without SMTP_URL). */
export function messagesSendJob(everyMs: number) {
  return defineJob({
    id: 'messages.send',
    version: 1,
    // A merchant id sends that merchant's only (a manual run); the repeatable run sends everyone's.
    schema: z.object({ merchantId: z.uuid().optional() }),
    repeatEveryMs: everyMs,
    handler: async (payload, deps) => {
      const result = await sendDueMessages(deps, payload)
      if (result.sent > 0 || result.retried > 0 || result.failed > 0) logger.info(result, 'mail sent')
    },
  })
}
