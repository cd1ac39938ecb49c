import { sql } from 'kysely'
import type { CoreDeps } from '../../../context.js'
import { advanceSubscriptionStatuses } from './dunning.js'
import { issuePeriodInvoices } from './issue-period-invoices.js'

const ANALYZE_AFTER = 10_000

/**
 * One billing run: issue every started period's invoice (catching up missed runs), then move statuses
 * along (trial over, past_due, canceled after the grace period or at period end). Safe to run on several
 * workers at once and to repeat.
 */
export async function runBilling(
  deps: Pick<CoreDeps, 'db' | 'clock' | 'config'>,
  scope: { merchantId?: string | undefined } = {},
) {
  const issued = await issuePeriodInvoices({
    db: deps.db,
    clock: deps.clock,
    mode: deps.config.COINBOOK_NETWORK_MODE,
    merchantId: scope.merchantId,
  })
  // A run that issued many periods grew subscription_periods far past its statistics (from nothing, on
  // the first large run); without fresh ones the planner nests a scan of it into every status check.
  if (issued >= ANALYZE_AFTER) await sql`analyze subscription_periods`.execute(deps.db)
  const statuses = await advanceSubscriptionStatuses({
    db: deps.db,
    clock: deps.clock,
    graceDays: deps.config.SUBSCRIPTION_GRACE_DAYS,
    merchantId: scope.merchantId,
  })
  return { issued, ...statuses }
}
