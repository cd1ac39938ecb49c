import { sql, type Transaction } from 'kysely'
import type { Actor, Executor } from '../../../context.js'
import type { Database } from '../../../db/database.js'
import { newId } from '../../../db/ids.js'
import { fiatDecimals } from '../../rates/index.js'
import { formatMinor, toMinor } from '../money.js'

/** A customer's credit per currency (non-zero balances only). */
export async function creditBalances(db: Executor, merchantId: string, customerId: string) {
  const rows = await db
    .selectFrom('customer_credit_entries')
    .select(['currency', sql<string>`sum(amount)`.as('amount')])
    .where('merchant_id', '=', merchantId)
    .where('customer_id', '=', customerId)
    .groupBy('currency')
    .orderBy('currency')
    .execute()
  return rows.flatMap((r) => {
    const fd = fiatDecimals(r.currency)
    const minor = toMinor(r.amount, fd)
    return minor === 0n ? [] : [{ currency: r.currency, amount: formatMinor(minor, fd) }]
  })
}

/**
 * Uses the customer's credit in the invoice's currency on it, up to what is due, in the caller's
 * transaction. The customer row is locked first so two invoices sent at once cannot spend one credit twice.
 */
export async function applyCredit(
  trx: Transaction<Database>,
  invoice: { id: string; merchant_id: string; customer_id: string; currency: string; total: string },
  actor: Actor,
  at: Date,
): Promise<void> {
  await trx
    .selectFrom('customers')
    .select('id')
    .where('id', '=', invoice.customer_id)
    .forUpdate()
    .executeTakeFirstOrThrow()
  const fd = fiatDecimals(invoice.currency)
  const balance = await trx
    .selectFrom('customer_credit_entries')
    .select(sql<string>`coalesce(sum(amount), 0)`.as('sum'))
    .where('merchant_id', '=', invoice.merchant_id)
    .where('customer_id', '=', invoice.customer_id)
    .where('currency', '=', invoice.currency)
    .executeTakeFirstOrThrow()
  const paid = await trx
    .selectFrom('invoice_payments')
    .select(sql<string>`coalesce(sum(amount), 0)`.as('sum'))
    .where('invoice_id', '=', invoice.id)
    .where('method', '!=', 'onchain')
    .executeTakeFirstOrThrow()
  const due = toMinor(invoice.total, fd) - toMinor(paid.sum, fd)
  const available = toMinor(balance.sum, fd)
  let use = due
  if (available < use) use = available
  if (use <= 0n) return
  await trx
    .insertInto('invoice_payments')
    .values({
      id: newId(),
      merchant_id: invoice.merchant_id,
      invoice_id: invoice.id,
      method: 'credit',
      amount: formatMinor(use, fd),
      note: 'Customer credit',
      actor_type: actor.type,
      actor_id: actor.id,
      created_at: at,
    })
    .execute()
  await trx
    .insertInto('customer_credit_entries')
    .values({
      id: newId(),
      merchant_id: invoice.merchant_id,
      customer_id: invoice.customer_id,
      currency: invoice.currency,
      amount: formatMinor(-use, fd),
      kind: 'applied',
      invoice_id: invoice.id,
      created_at: at,
    })
    .execute()
}
