import type { AnyChainAdapter, AssetId, BlockRef } from '@coinbook/chain-watchers'
import type { Kysely } from 'kysely'
import type { Database } from '../../../db/database.js'
import { recordConfirmations } from '../../../observability/chain.js'
import { fillNetworkFees } from './fill-fees.js'
import { setPaymentState } from './payment-states.js'

export interface ConfirmResult {
  checked: number
  confirmed: number
  reorged: number
}

/**
 * Advances the confirmations of a network's payments that are not final yet, and reverses those whose
 * block has left the canonical chain (status `reorged`, their stats given back). Payments confirmed
 * within `reorgWindow` blocks of the tip are re-checked too, because a deep reorg can still take them.
 */
export async function confirmPayments({
  db,
  adapter,
  required,
  reorgWindow = Math.max(2 * required, 12),
}: {
  db: Kysely<Database>
  adapter: AnyChainAdapter
  required: number
  reorgWindow?: number
}): Promise<ConfirmResult> {
  const head = await adapter.head()
  const floor = Number(head.number) - reorgWindow
  const open = await db
    .selectFrom('payments')
    .select([
      'id',
      'asset',
      'tx_hash',
      'event_index',
      'to_address',
      'amount',
      'block_number',
      'block_hash',
      'status',
      'confirmations',
    ])
    .where('network', '=', adapter.network)
    .where('block_hash', 'is not', null)
    .where((eb) =>
      eb.or([
        eb('status', '=', 'pending'),
        eb.and([eb('status', '=', 'confirmed'), eb('block_number', '>', floor)]),
      ]),
    )
    .orderBy('block_number')
    .limit(5000)
    .execute()

  const canonical = new Map<string, Promise<boolean>>()
  const isCanonical = (ref: BlockRef) => {
    const known = canonical.get(ref.hash)
    if (known) return known
    const p = adapter.isCanonical(ref)
    canonical.set(ref.hash, p)
    return p
  }

  const result: ConfirmResult = { checked: open.length, confirmed: 0, reorged: 0 }
  for (const row of open) {
    if (row.block_number === null || row.block_hash === null) continue
    const ref = { number: BigInt(row.block_number), hash: row.block_hash }
    const onChain = await isCanonical(ref)
    const confirmations = onChain
      ? adapter.confirmations(
          {
            network: adapter.network,
            asset: row.asset as AssetId,
            txHash: row.tx_hash,
            eventIndex: row.event_index,
            from: null,
            to: row.to_address,
            amount: BigInt(row.amount),
            blockRef: ref,
            status: 'pending',
          },
          head,
        )
      : 0
    const status = !onChain ? 'reorged' : confirmations >= required ? 'confirmed' : 'pending'
    if (status === row.status && confirmations === row.confirmations) continue
    await db.transaction().execute(async (trx) => {
      const current = await trx
        .selectFrom('payments')
        .selectAll()
        .where('id', '=', row.id)
        .forUpdate()
        .executeTakeFirst()
      // Someone (scan, verify) moved it meanwhile to another block: their view is newer.
      if (!current || current.block_hash !== row.block_hash) return
      await setPaymentState(trx, current, {
        status,
        confirmations,
        blockNumber: current.block_number,
        blockHash: current.block_hash,
        blockTime: current.block_time,
      })
    })
    if (status === 'confirmed' && row.status !== 'confirmed') result.confirmed++
    if (status === 'reorged') result.reorged++
  }
  recordConfirmations(adapter.network, result)
  await fillNetworkFees({ db, adapter })
  return result
}
