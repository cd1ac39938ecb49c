import { sql } from 'kysely'
import type { Executor } from '../../../context.js'
import { formatMinor } from '../../invoices/money.js'
import { amountDue } from '../../invoices/services/present.js'
import { fiatDecimals } from '../../rates/index.js'

/** What a list row adds to the customer: what they owe per currency, and when they last did anything. */
export interface ListActivity {
  outstanding: { currency: string; amount: string }[]
  lastActivityAt: string
}

/**
 * Outstanding amounts and last activity of one page of customers, in two queries over the page's ids, each
 * lookup walking a per-customer index (invoices_customer_idx, payments_customer_idx, messages_customer_idx):
 * the cost grows with the page, never with the merchant's customers, so the list's sort still walks its own
 * index first.
 *
 * - outstanding: open and partially paid invoices' amount due (total − amount paid, as the invoice shows it),
 *   summed per invoice currency in exact minor units; no conversion, so no rate decides what a customer owes. Drafts, paid and void owe nothing.
 * - lastActivityAt: the latest of the profile's last change (notes included), the customer's most recent
 *   payment's last change (detected, confirmed, refunded, reorged), any of their invoices' last change
 *   (created, sent, paid, voided) and their latest sent or failed message. Never earlier than createdAt.
 */
export async function loadListActivity(
  db: Executor,
  merchantId: string,
  customerIds: readonly string[],
): Promise<Map<string, ListActivity>> {
  const byCustomer = new Map<string, ListActivity>()
  if (customerIds.length === 0) return byCustomer
  const ids = sql`(${sql.join(customerIds.map((id) => sql`${id}::uuid`))})`
  const [owed, latest] = await Promise.all([
    sql<{ customer_id: string; currency: string; total: string; amount_paid: string }>`
      select i.customer_id, trim(i.currency) as currency, i.total::text as total,
        i.amount_paid::text as amount_paid
      from invoices i
      where i.merchant_id = ${merchantId} and i.customer_id in ${ids}
        and i.status in ('open', 'partially_paid')
      order by i.customer_id, trim(i.currency)`.execute(db),
    sql<{ id: string; last_activity_at: Date }>`
      select c.id, greatest(
        c.created_at,
        c.updated_at,
        (select p.updated_at from payments p
          where p.merchant_id = ${merchantId} and p.customer_id = c.id order by p.id desc limit 1),
        (select max(i.updated_at) from invoices i
          where i.merchant_id = ${merchantId} and i.customer_id = c.id),
        (select coalesce(ms.sent_at, ms.updated_at) from messages ms
          where ms.merchant_id = ${merchantId} and ms.customer_id = c.id and ms.status in ('sent', 'failed')
          order by ms.id desc limit 1)
      ) as last_activity_at
      from customers c
      where c.merchant_id = ${merchantId} and c.id in ${ids}`.execute(db),
  ])
  for (const row of latest.rows) {
    byCustomer.set(row.id, { outstanding: [], lastActivityAt: new Date(row.last_activity_at).toISOString() })
  }
  // Each invoice owes what its amountDue says (in its currency's minor units, never below zero).
  const owing = new Map<string, Map<string, bigint>>()
  for (const row of owed.rows) {
    const due = amountDue(
      { status: 'open', total: row.total, amount_paid: row.amount_paid },
      fiatDecimals(row.currency),
    )
    if (due === 0n) continue
    const sums = owing.get(row.customer_id) ?? new Map<string, bigint>()
    sums.set(row.currency, (sums.get(row.currency) ?? 0n) + due)
    owing.set(row.customer_id, sums)
  }
  for (const [customerId, sums] of owing) {
    const activity = byCustomer.get(customerId)
    for (const [currency, minor] of sums) {
      activity?.outstanding.push({ currency, amount: formatMinor(minor, fiatDecimals(currency)) })
    }
  }
  return byCustomer
}
