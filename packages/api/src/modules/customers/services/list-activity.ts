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
 * Outstanding amounts and last activity of one page of customers, in one query over the page's ids, each
 * lookup walking a per-customer index (0031's invoices_customer_updated_idx and invoices_customer_owing_idx,
 * payments_customer_idx, messages_customer_idx):
 * the cost grows with the page, never with the merchant's customers, so the list's sort still walks its own
 * index first.
 *
 * - outstanding: open and partially paid invoices' amount due (total − amount paid, as the invoice shows it),
 *   summed per invoice currency in exact minor units; no conversion, so no rate decides what a customer owes.
 *   Drafts, paid and void invoices owe nothing.
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
  // One query, each figure a subquery per row: the planner then probes each customer's own index entries
  // (as a join over the page it picked invoices_due_idx, every open invoice of the merchant).
  const { rows } = await sql<{ id: string; last_activity_at: Date; owing: [string, string, string][] }>`
    select c.id,
      greatest(
        c.created_at,
        c.updated_at,
        (select p.updated_at from payments p
          where p.merchant_id = ${merchantId} and p.customer_id = c.id order by p.id desc limit 1),
        (select max(i.updated_at) from invoices i
          where i.merchant_id = ${merchantId} and i.customer_id = c.id),
        (select coalesce(ms.sent_at, ms.updated_at) from messages ms
          where ms.merchant_id = ${merchantId} and ms.customer_id = c.id and ms.status in ('sent', 'failed')
          order by ms.id desc limit 1)
      ) as last_activity_at,
      (select coalesce(jsonb_agg(jsonb_build_array(trim(i.currency), i.total::text, i.amount_paid::text)
          order by trim(i.currency)), '[]'::jsonb)
        from invoices i
        where i.merchant_id = ${merchantId} and i.customer_id = c.id
          and i.status in ('open', 'partially_paid')) as owing
    from customers c
    where c.merchant_id = ${merchantId} and c.id = any(${[...customerIds]}::uuid[])`.execute(db)
  for (const row of rows) {
    // Each invoice owes what its amountDue says (in its currency's minor units, never below zero).
    const sums = new Map<string, bigint>()
    for (const [currency, total, paid] of row.owing) {
      const due = amountDue({ status: 'open', total, amount_paid: paid }, fiatDecimals(currency))
      if (due > 0n) sums.set(currency, (sums.get(currency) ?? 0n) + due)
    }
    byCustomer.set(row.id, {
      outstanding: [...sums].map(([currency, minor]) => ({
        currency,
        amount: formatMinor(minor, fiatDecimals(currency)),
      })),
      lastActivityAt: new Date(row.last_activity_at).toISOString(),
    })
  }
  return byCustomer
}
