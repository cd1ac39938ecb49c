import { sql, type Transaction } from 'kysely'
import type { Database } from '../../../db/database.js'

/**
 * Adds (sign 1) or removes (sign -1) one payment's effect on its customer's stats, in the caller's
 * transaction. First and last payment are recomputed from the payments that count, so a reversal is exact.
 */
export async function applyStatsDelta(
  trx: Transaction<Database>,
  { customerId, sign, fiatValue }: { customerId: string; sign: 1 | -1; fiatValue: string | null },
) {
  const value = fiatValue ?? '0'
  const counted = sql`(select coalesce(p.block_time, p.detected_at) from payments p where p.customer_id = ${customerId} and p.counted`
  await trx
    .updateTable('customer_stats')
    .set({
      lifetime_value: sql`lifetime_value + ${sign} * ${value}::numeric`,
      payment_count: sql`payment_count + ${sign}`,
      first_payment_at: sql`${counted} order by 1 asc limit 1)`,
      last_payment_at: sql`${counted} order by 1 desc limit 1)`,
      updated_at: new Date(),
    })
    .where('customer_id', '=', customerId)
    .execute()
}
