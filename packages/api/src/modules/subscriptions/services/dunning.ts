import { type Kysely, type Selectable, sql } from 'kysely'
import { addDays, type Clock, utcDate } from '../../../clock.js'
import type { Database, SubscriptionsTable } from '../../../db/database.js'
import { recordEvents } from '../../events/services/record-event.js'
import { subscriptionEventObject } from './event-data.js'

type SubscriptionRow = Selectable<SubscriptionsTable>

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
  return db.transaction().execute(async (trx) => {
    const trialsEnded = await sql`update subscriptions s set status = 'active', updated_at = ${now}
      where s.status = 'trialing' and s.trial_end <= ${today}::date ${scope}`.execute(trx)
    const recovered =
      await sql`update subscriptions s set status = 'active', past_due_at = null, updated_at = ${now}
      where s.status = 'past_due' and not ${unpaidDueBefore(today)} ${scope}`.execute(trx)
    const pastDue = await sql<SubscriptionRow>`update subscriptions s
      set status = 'past_due', past_due_at = ${now}, updated_at = ${now}
      where s.status = 'active' and ${unpaidDueBefore(today)} ${scope} returning s.*`.execute(trx)
    // Canceled once the grace period has passed since the due date: due + grace <= today.
    const unpaid = await sql<SubscriptionRow>`update subscriptions s
      set status = 'canceled', canceled_at = ${now}, cancel_reason = 'unpaid', updated_at = ${now}
      where s.status = 'past_due' and ${unpaidDueBefore(addDays(today, 1 - graceDays))} ${scope}
      returning s.*`.execute(trx)
    const ended = await sql<SubscriptionRow>`update subscriptions s
      set status = 'canceled', canceled_at = ${now}, cancel_reason = 'period_end', updated_at = ${now}
      where s.status <> 'canceled' and s.cancel_at <= ${today}::date ${scope} returning s.*`.execute(trx)
    const event = (type: 'subscription.past_due' | 'subscription.canceled') => (row: SubscriptionRow) => ({
      merchantId: row.merchant_id,
      type,
      subjectId: row.id,
      at: now,
      data: { object: subscriptionEventObject(row) },
    })
    await recordEvents(trx, [
      ...pastDue.rows.map(event('subscription.past_due')),
      ...unpaid.rows.map(event('subscription.canceled')),
      ...ended.rows.map(event('subscription.canceled')),
    ])
    const n = (r: { numAffectedRows?: bigint; rows: unknown[] }) =>
      r.numAffectedRows === undefined ? r.rows.length : Number(r.numAffectedRows)
    return {
      trialsEnded: n(trialsEnded),
      recovered: n(recovered),
      pastDue: pastDue.rows.length,
      canceledUnpaid: unpaid.rows.length,
      canceledAtPeriodEnd: ended.rows.length,
    }
  })
}
