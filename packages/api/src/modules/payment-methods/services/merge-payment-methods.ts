import { sql } from 'kysely'
import type { Executor } from '../../../context.js'

/**
 * Moves a merged duplicate's payment methods to the kept customer, in the merge's transaction: wallets they
 * both paid from become one (counts added, first and last seen widened, a label kept), and a wallet that was
 * flagged shared only because it was known for these two is theirs alone again; refund addresses move for
 * the networks the kept customer has none on (the kept customer's own win).
 */
export async function mergePaymentMethods(
  db: Executor,
  merchantId: string,
  move: { from: string; to: string },
) {
  const { from, to } = move
  // Wallets both had: fold the duplicate's row into the kept one.
  const both = await sql<{ network: string; address: string }>`
    update payer_wallets k set
      payment_count = k.payment_count + d.payment_count,
      first_seen_at = least(k.first_seen_at, d.first_seen_at),
      last_seen_at = greatest(k.last_seen_at, d.last_seen_at),
      label = coalesce(k.label, d.label),
      updated_at = now()
    from payer_wallets d
    where k.merchant_id = ${merchantId} and k.customer_id = ${to}
      and d.merchant_id = ${merchantId} and d.customer_id = ${from}
      and d.network = k.network and d.address = k.address
    returning k.network, k.address`.execute(db)
  await sql`delete from payer_wallets d using payer_wallets k
    where d.merchant_id = ${merchantId} and d.customer_id = ${from}
      and k.merchant_id = ${merchantId} and k.customer_id = ${to}
      and d.network = k.network and d.address = k.address`.execute(db)
  await sql`update payer_wallets set customer_id = ${to}, updated_at = now()
    where merchant_id = ${merchantId} and customer_id = ${from}`.execute(db)
  for (const { network, address } of both.rows) {
    await sql`update payer_wallets w set shared = false, updated_at = now()
      where w.merchant_id = ${merchantId} and w.network = ${network} and w.address = ${address}
        and (select count(distinct customer_id) from payer_wallets o
             where o.merchant_id = w.merchant_id and o.network = w.network and o.address = w.address) = 1`.execute(
      db,
    )
  }

  await sql`update refund_addresses d set customer_id = ${to}, updated_at = now()
    where d.merchant_id = ${merchantId} and d.customer_id = ${from}
      and not exists (select 1 from refund_addresses k where k.customer_id = ${to} and k.network = d.network)`.execute(
    db,
  )
  await sql`delete from refund_addresses where merchant_id = ${merchantId} and customer_id = ${from}`.execute(
    db,
  )
}
