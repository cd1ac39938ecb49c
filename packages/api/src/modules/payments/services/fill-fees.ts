import type { AnyChainAdapter } from '@coinbook/chain-watchers'
import { type Kysely, sql } from 'kysely'
import type { Database } from '../../../db/database.js'

/**
 * Fills in the network fee of mined payments recorded without one where the adapter can read it
 * afterwards: EVM token payments (the scan reads their logs, not their receipts) and Bitcoin payments (a
 * raw block's inputs carry no amounts). Batched, up to `limit` transactions per run, the oldest payments first,
 * by the confirmation job; a transaction not in its block now (reorged) is tried again next run, after the job
 * has moved it.
 * Returns how many transactions got their fee.
 */
export async function fillNetworkFees({
  db,
  adapter,
  limit = 200,
}: {
  db: Kysely<Database>
  adapter: AnyChainAdapter
  limit?: number
}): Promise<number> {
  if (!('fees' in adapter) || typeof adapter.fees !== 'function') return 0
  // The predicate of payments_fee_unread_idx: the oldest payments first, a transaction once (one may pay
  // several of our addresses).
  const { rows: payments } = await sql<{ tx_hash: string; block_hash: string }>`
    select tx_hash, block_hash from payments
    where network = ${adapter.network} and network_fee is null and block_hash is not null
      and status <> 'reorged'
    order by id
    limit ${limit}`.execute(db)
  const rows = [...new Map(payments.map((p) => [p.tx_hash, p])).values()]
  if (rows.length === 0) return 0
  const fees = await adapter.fees(rows.map((r) => ({ txHash: r.tx_hash, blockHash: r.block_hash })))
  if (fees.size === 0) return 0
  const known = [...fees]
  await sql`update payments p set network_fee = v.fee
    from unnest(${known.map(([hash]) => hash)}::text[], ${known.map(([, fee]) => fee.toString())}::numeric[])
      as v(tx_hash, fee)
    where p.network = ${adapter.network} and p.tx_hash = v.tx_hash and p.network_fee is null`.execute(db)
  return fees.size
}
