import type { CoreDeps } from '../../../context.js'
import { advanceSubscriptionStatuses } from './dunning.js'
import { issuePeriodInvoices } from './issue-period-invoices.js'

/**
 * One billing run: issue every started period's invoice (catching up missed runs), then move statuses
 * along (trial over, past_due, canceled after the grace period or at period end). Safe to run on several
 * workers at once and to repeat.
 */
export async function runBilling(deps: Pick<CoreDeps, 'db' | 'clock' | 'config'>) {
  const issued = await issuePeriodInvoices({
    db: deps.db,
    clock: deps.clock,
    mode: deps.config.COINBOOK_NETWORK_MODE,
  })
  const statuses = await advanceSubscriptionStatuses({
    db: deps.db,
    clock: deps.clock,
    graceDays: deps.config.SUBSCRIPTION_GRACE_DAYS,
  })
  return { issued, ...statuses }
}
