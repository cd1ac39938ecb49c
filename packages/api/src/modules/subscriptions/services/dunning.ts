import { type Kysely, sql } from 'kysely'
import { addDays, type Clock, utcDate } from '../../../clock.js'
import type { Database } from '../../../db/database.js'

/** An invoice of the subscription `s` that is still owed and was due before `date`. */
const unpaidDueBefore = (date: string) => sql<boolean>`exists (
  select 1 from subscription_periods sp join invoices i on i.id = sp.invoice_id
  where sp.subscription_id = s.id and i.status in ('draft', 'open', 'partially_paid') and i.due_date < ${date}::date)`

/**
 * Moves subscriptions along by the calendar, one set-based statement per transition: a trial that is over
 * becomes active; an active subscription with an unpaid invoice past its due date becomes past_due (and
 * active again once nothing is overdue); past_due still unpaid `graceDays` after the due date is canceled;
 * a cancel-at-period-end subscription whose day has come is canceled.
 */
export async function advanceSubscriptionStatuses({
  db,
  clock,
  graceDays,
  merchantId,
}: {
  db: Kysely<Database>
  clock: Clock
  graceDays: number
  /** Only this merchant's subscriptions. */
  merchantId?: string | undefined
}) {
  const now = clock.now()
  const today = utcDate(now)
  const scope = merchantId ? sql`and s.merchant_id = ${merchantId}::uuid` : sql``
  const trialsEnded = await sql`update subscriptions s set status = 'active', updated_at = ${now}
    where s.status = 'trialing' and s.trial_end <= ${today}::date ${scope}`.execute(db)
  const recovered =
    await sql`update subscriptions s set status = 'active', past_due_at = null, updated_at = ${now}
    where s.status = 'past_due' and not ${unpaidDueBefore(today)} ${scope}`.execute(db)
  const pastDue =
    await sql`update subscriptions s set status = 'past_due', past_due_at = ${now}, updated_at = ${now}
    where s.status = 'active' and ${unpaidDueBefore(today)} ${scope}`.execute(db)
  // Canceled once the grace period has passed since the due date: due + grace <= today.
  const unpaid = await sql`update subscriptions s
    set status = 'canceled', canceled_at = ${now}, cancel_reason = 'unpaid', updated_at = ${now}
    where s.status = 'past_due' and ${unpaidDueBefore(addDays(today, 1 - graceDays))} ${scope}`.execute(db)
  const ended = await sql`update subscriptions s
    set status = 'canceled', canceled_at = ${now}, cancel_reason = 'period_end', updated_at = ${now}
    where s.status <> 'canceled' and s.cancel_at <= ${today}::date ${scope}`.execute(db)
  const n = (r: { numAffectedRows?: bigint }) => Number(r.numAffectedRows ?? 0n)
  return {
    trialsEnded: n(trialsEnded),
    recovered: n(recovered),
    pastDue: n(pastDue),
    canceledUnpaid: n(unpaid),
    canceledAtPeriodEnd: n(ended),
  }
}
