import { sql } from 'kysely'
import { queueReminderMessages } from '../deliver.js'
import { runRenewalNotices } from './renewal-notices.js'
import { type RunRemindersOptions, runInvoiceReminders } from './run-reminders.js'

const ANALYZE_AFTER = 10_000

/** One reminder run: every due invoice reminder, then every due renewal notice. Safe in parallel and to repeat. */
export async function runReminders(
  deps: RunRemindersOptions['deps'],
  scope: { merchantId?: string | undefined } = {},
  opts: { queue?: RunRemindersOptions['queue']; batchSize?: number } = {},
) {
  const run: RunRemindersOptions = {
    deps,
    queue: opts.queue ?? queueReminderMessages,
    merchantId: scope.merchantId,
    ...(opts.batchSize ? { batchSize: opts.batchSize } : {}),
  }
  const invoices = await runInvoiceReminders(run)
  const renewals = await runRenewalNotices(run)
  // A run that queued many messages grew the mailer's table far past its statistics (from nothing, on a
  // first large run); without fresh ones the sender's claim query picks a plan that takes minutes.
  if (invoices.sent + renewals.sent >= ANALYZE_AFTER) await sql`analyze messages`.execute(deps.db)
  return {
    sent: invoices.sent,
    skipped: invoices.skipped,
    renewalsSent: renewals.sent,
    renewalsSkipped: renewals.skipped,
  }
}
