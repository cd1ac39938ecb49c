import { sql } from 'kysely'
import type { Executor, ServiceContext } from '../../../context.js'
import type { Database } from '../../../db/database.js'
import { inTransaction } from '../../../db/transaction.js'
import { NotFoundError, ValidationError } from '../../../errors.js'
import { recomputeCustomerMetrics, utcDay } from '../../analytics/metrics.js'
import { recordEvent } from '../../events/services/record-event.js'
import { mergePaymentMethods } from '../../payment-methods/services/merge-payment-methods.js'
import type { CustomerDto } from '../schema.js'
import { recordCustomerAudit } from './audit.js'
import { loadLiveCustomer } from './live-customers.js'
import { mergeFields } from './merge-fields.js'
import { replacePreferredCoins } from './preferred-coins.js'
import { customerColumnsFor } from './write-values.js'

/** A column that points at a customer, in a table that has `merchant_id`. */
export type CustomerReference = {
  [T in keyof Database]: { table: T; column: keyof Database[T] & string }
}[keyof Database]

/**
 * Everything attached to a customer moves to the kept one on merge. Add each new table that points at
 * customers here (payments, invoices, deposit targets, messages… as later issues bring them).
 */
export const customerReferences: readonly CustomerReference[] = [
  // Customers merged earlier into the duplicate now point at the one that absorbed it.
  { table: 'customers', column: 'merged_into_id' },
  // Their addresses keep paying, now to the kept customer; their payments move with them (the stats are
  // folded separately, so nothing is counted twice).
  { table: 'deposit_targets', column: 'customer_id' },
  { table: 'payments', column: 'customer_id' },
  // What they were billed and owe, their credit, their plans, and what was said to them.
  { table: 'invoices', column: 'customer_id' },
  { table: 'customer_credit_entries', column: 'customer_id' },
  { table: 'subscriptions', column: 'customer_id' },
  { table: 'installment_plans', column: 'customer_id' },
  { table: 'messages', column: 'customer_id' },
  // The payers a payment link brought in (issue 11).
  { table: 'payment_link_sessions', column: 'customer_id' },
]

/** Re-points every reference from one customer to another, within one merchant. */
export async function repointCustomerReferences(
  db: Executor,
  merchantId: string,
  move: { from: string; to: string },
  references: readonly { table: string; column: string }[] = customerReferences,
) {
  for (const { table, column } of references) {
    await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${move.to}
      where merchant_id = ${merchantId} and ${sql.ref(column)} = ${move.from}`.execute(db)
  }
}

/**
 * Folds the duplicate into the customer `id`, in one transaction: fields, tags, notes, preferred coins
 * and stats move to the kept customer, references are re-pointed, and the duplicate is soft-deleted with
 * `merged_into_id`. Both rows are locked in id order, so two crossing merges cannot deadlock.
 */
export async function mergeCustomers({
  ctx,
  input,
}: {
  ctx: ServiceContext
  input: { id: string; duplicateId: string }
}): Promise<CustomerDto> {
  const { id, duplicateId } = input
  if (id === duplicateId) {
    throw new ValidationError('A customer cannot be merged into itself', [
      { path: 'duplicateId', message: 'must be another customer than the one being kept' },
    ])
  }
  const m = ctx.merchantId
  return inTransaction(ctx.db, async (trx) => {
    const locked = await trx
      .selectFrom('customers')
      .select('id')
      .where('merchant_id', '=', m)
      .where('id', 'in', [id, duplicateId])
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .forUpdate()
      .execute()
    for (const want of [id, duplicateId]) {
      if (!locked.some((r) => r.id === want)) throw new NotFoundError('Customer', want)
    }
    const kept = await loadLiveCustomer(trx, m, id)
    const duplicate = await loadLiveCustomer(trx, m, duplicateId)
    const { fields, coins, filled } = mergeFields(kept, duplicate)

    // The duplicate leaves first, freeing its email and custom id for the kept customer to take.
    await trx
      .updateTable('customers')
      .set({ deleted_at: sql`now()`, updated_at: sql`now()`, merged_into_id: id })
      .where('merchant_id', '=', m)
      .where('id', '=', duplicateId)
      .execute()
    await trx
      .updateTable('customers')
      .set({ ...customerColumnsFor(fields), updated_at: sql`now()` })
      .where('merchant_id', '=', m)
      .where('id', '=', id)
      .execute()

    await replacePreferredCoins(trx, m, id, coins)
    await replacePreferredCoins(trx, m, duplicateId, [])
    await sql`
      insert into customer_stats (customer_id, merchant_id, lifetime_value, payment_count, first_payment_at, last_payment_at)
      select ${id}::uuid, ${m}::uuid, coalesce(sum(lifetime_value), 0), coalesce(sum(payment_count), 0),
        min(first_payment_at), max(last_payment_at)
      from customer_stats where merchant_id = ${m} and customer_id in (${id}, ${duplicateId})
      on conflict (customer_id) do update set
        lifetime_value = excluded.lifetime_value, payment_count = excluded.payment_count,
        first_payment_at = excluded.first_payment_at, last_payment_at = excluded.last_payment_at, updated_at = now()
    `.execute(trx)
    await trx
      .deleteFrom('customer_stats')
      .where('merchant_id', '=', m)
      .where('customer_id', '=', duplicateId)
      .execute()
    await repointCustomerReferences(trx, m, { from: duplicateId, to: id })
    await mergePaymentMethods(trx, m, { from: duplicateId, to: id })
    // The kept customer's coin mix is recomputed from the payments below; the duplicate's goes.
    await sql`delete from customer_asset_stats where customer_id = ${duplicateId}`.execute(trx)
    // Either one's opt-out stands for the merged customer; the kept customer's reminder override wins.
    await sql`insert into message_opt_outs (customer_id, kind, merchant_id, created_at) select ${id}::uuid, kind, merchant_id, created_at
      from message_opt_outs where merchant_id = ${m} and customer_id = ${duplicateId}
      on conflict do nothing`.execute(trx)
    await sql`delete from message_opt_outs where merchant_id = ${m} and customer_id = ${duplicateId}`.execute(
      trx,
    )
    await sql`update reminder_policies set customer_id = ${id}
      where merchant_id = ${m} and customer_id = ${duplicateId}
        and not exists (select 1 from reminder_policies where customer_id = ${id})`.execute(trx)
    await sql`delete from reminder_policies where merchant_id = ${m} and customer_id = ${duplicateId}`.execute(
      trx,
    )
    // The kept customer's avatar wins; without one, the duplicate's moves over.
    await sql`update customer_avatars set customer_id = ${id}
      where merchant_id = ${m} and customer_id = ${duplicateId}
        and not exists (select 1 from customer_avatars where customer_id = ${id})`.execute(trx)
    await sql`delete from customer_avatars where merchant_id = ${m} and customer_id = ${duplicateId}`.execute(
      trx,
    )
    // The portal: the duplicate's links and sessions end; the kept customer's payment-details request wins.
    await sql`delete from portal_tokens where merchant_id = ${m} and customer_id = ${duplicateId}`.execute(
      trx,
    )
    await sql`delete from portal_sessions where merchant_id = ${m} and customer_id = ${duplicateId}`.execute(
      trx,
    )
    await sql`update payment_details_requests set customer_id = ${id}
      where merchant_id = ${m} and customer_id = ${duplicateId}
        and not exists (select 1 from payment_details_requests where customer_id = ${id})`.execute(trx)
    await sql`delete from payment_details_requests where merchant_id = ${m} and customer_id = ${duplicateId}`.execute(
      trx,
    )
    // The duplicate's payments are the kept customer's now: the metrics that do not add up, from scratch.
    await recomputeCustomerMetrics(trx, id, utcDay(new Date()), { keepTotals: true })

    await recordCustomerAudit(trx, ctx, {
      action: 'customer.merged',
      customerId: id,
      data: { duplicateId, filled, duplicate },
    })
    const customer = await loadLiveCustomer(trx, m, id)
    await recordEvent(trx, {
      merchantId: m,
      type: 'customer.merged',
      subjectId: id,
      data: { object: customer, mergedCustomerId: duplicateId },
    })
    return customer
  })
}
