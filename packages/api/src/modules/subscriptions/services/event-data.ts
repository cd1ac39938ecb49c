import type { Selectable } from 'kysely'
import type { SubscriptionsTable } from '../../../db/database.js'

/** A subscription as events (webhooks, the mailer) carry it. */
export function subscriptionEventObject(row: Selectable<SubscriptionsTable>) {
  const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString())
  return {
    id: row.id,
    customerId: row.customer_id,
    planId: row.plan_id,
    status: row.status,
    startDate: row.start_date,
    trialEnd: row.trial_end,
    periodIndex: row.period_index,
    nextPeriodStart: row.next_period_start,
    cancelAt: row.cancel_at,
    canceledAt: iso(row.canceled_at),
    cancelReason: row.cancel_reason,
    pastDueAt: iso(row.past_due_at),
  }
}
