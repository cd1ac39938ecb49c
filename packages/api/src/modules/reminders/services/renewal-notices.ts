import { sql, type Transaction } from 'kysely'
import type { Database } from '../../../db/database.js'
import { newId } from '../../../db/ids.js'
import { formatMinor, toMinor } from '../../invoices/money.js'
import { fiatDecimals } from '../../rates/convert.js'
import { reminderDedupeKey } from '../deliver.js'
import { DEFAULT_RENEWAL_NOTICE_DAYS, RENEWAL_KIND } from '../policy.js'
import { reminderZone, sendAt, startOfDay, stepDate } from '../schedule.js'
import { recordSends } from './record-sends.js'
import type { RunRemindersOptions } from './run-reminders.js'

const NO_ID = '00000000-0000-0000-0000-000000000000'
const MAX_NOTICE_DAYS = 60

/**
 * "Your subscription renews on …": `renewal_notice_days` (the merchant's policy, default 3) before a live
 * subscription's next period, at 09:00 in the customer's zone, once per (subscription, period) — the same
 * claim in reminder_sends, keyed "renewal:<period start>". A notice whose period has already started by
 * the time a run sees it (a missed run) is recorded as skipped instead of sent late.
 */
export async function runRenewalNotices(opts: RunRemindersOptions) {
  const now = opts.deps.clock.now()
  let sent = 0
  let skipped = 0
  let cursor = NO_ID
  for (;;) {
    const batch = await opts.deps.db.transaction().execute((trx) => renewalBatch(trx, opts, now, cursor))
    sent += batch.sent
    skipped += batch.skipped
    if (!batch.last) return { sent, skipped }
    cursor = batch.last
  }
}

interface RenewalRow {
  id: string
  merchant_id: string
  customer_id: string
  next_period_start: string
  plan_name: string
  amount: string
  currency: string
  customer_zone: string | null
  merchant_zone: string | null
  notice_days: number
}

async function renewalBatch(
  trx: Transaction<Database>,
  opts: RunRemindersOptions,
  now: Date,
  cursor: string,
) {
  const today = now.toISOString().slice(0, 10)
  // The period starts at most MAX_NOTICE_DAYS (+1 for zones ahead of UTC) from today, and not before
  // yesterday (zones behind UTC): the subscription index's range.
  const rows = await sql<RenewalRow>`
    select s.id, s.merchant_id, s.customer_id, s.next_period_start::text as next_period_start,
      p.name as plan_name, p.amount, p.currency, c.timezone as customer_zone, m.timezone as merchant_zone,
      case when mp.id is null then ${DEFAULT_RENEWAL_NOTICE_DAYS} else mp.renewal_notice_days end as notice_days
    from subscriptions s
    join plans p on p.id = s.plan_id
    join customers c on c.id = s.customer_id
    join merchants m on m.id = s.merchant_id
    left join reminder_policies mp on mp.merchant_id = s.merchant_id and mp.customer_id is null
    where s.status in ('trialing', 'active')
      and s.next_period_start between ${stepDate(today, -1)}::date and ${stepDate(today, MAX_NOTICE_DAYS + 1)}::date
      and (s.cancel_at is null or s.next_period_start < s.cancel_at)
      ${opts.merchantId ? sql`and s.merchant_id = ${opts.merchantId}` : sql``}
      and s.id > ${cursor}::uuid
      and (mp.id is null or mp.renewal_notice_days is not null)
      and s.next_period_start - (case when mp.id is null then ${DEFAULT_RENEWAL_NOTICE_DAYS}
        else mp.renewal_notice_days end) <= ${stepDate(today, 1)}::date
      and not exists (select 1 from reminder_sends r where r.subscription_id = s.id
        and r.step_key = 'renewal:' || s.next_period_start::text)
    order by s.id
    limit ${opts.batchSize ?? 500}
    for update of s skip locked`.execute(trx)
  if (rows.rows.length === 0) return { sent: 0, skipped: 0, last: null }

  const decided = rows.rows.flatMap((r) => {
    const zone = reminderZone(r.customer_zone, r.merchant_zone)
    const dueAt = sendAt(stepDate(r.next_period_start, -Number(r.notice_days)), zone)
    if (dueAt.getTime() > now.getTime()) return []
    // Midnight local on the period's first day: after it, "upcoming" is no longer true.
    const startsAt = startOfDay(r.next_period_start, zone).getTime()
    const status = now.getTime() < startsAt ? ('sent' as const) : ('skipped' as const)
    return [{ row: r, dueAt, status, key: `renewal:${r.next_period_start}` }]
  })
  const claimed = await recordSends(
    trx,
    decided.map((d) => ({
      id: newId(),
      merchantId: d.row.merchant_id,
      invoiceId: null,
      subscriptionId: d.row.id,
      stepKey: d.key,
      kind: RENEWAL_KIND,
      status: d.status,
      dueAt: d.dueAt,
    })),
    (sends) => {
      const bySubscription = new Map(decided.map((d) => [d.row.id, d]))
      return opts.queue(
        trx,
        sends.map((send) => {
          const d = bySubscription.get(send.subscriptionId as string)
          if (!d) throw new Error(`no decision for subscription ${send.subscriptionId}`)
          const fd = fiatDecimals(d.row.currency)
          return {
            merchantId: d.row.merchant_id,
            customerId: d.row.customer_id,
            kind: RENEWAL_KIND,
            variables: {
              subscription: {
                id: d.row.id,
                planName: d.row.plan_name,
                amount: formatMinor(toMinor(d.row.amount, fd), fd),
                currency: d.row.currency,
                renewalDate: d.row.next_period_start,
              },
            },
            dedupeKey: reminderDedupeKey(d.row.id, d.key),
            related: { subscriptionId: d.row.id },
          }
        }),
      )
    },
  )
  return { ...claimed, last: rows.rows.at(-1)?.id ?? null }
}
