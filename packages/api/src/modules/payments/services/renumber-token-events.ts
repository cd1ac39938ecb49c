import type { AnyChainAdapter } from '@coinbook/chain-watchers'
import { sql } from 'kysely'
import type { Executor } from '../../../context.js'
import { inTransaction } from '../../../db/transaction.js'

type Renumbering = {
  legacyTokenEventIndexes(txHash: string): Promise<Map<number, number> | undefined>
}

function canRenumber(adapter: AnyChainAdapter): adapter is AnyChainAdapter & Renumbering {
  return typeof (adapter as Partial<Renumbering>).legacyTokenEventIndexes === 'function'
}

/**
 * Renumbers the EVM token payments recorded as 1 + their log's position in the receipt (listed by
 * migration 0028) to 1 + their ordinal among the transaction's known-token Transfer logs, the number the
 * scan and verify give them now, so that seeing such a transaction again finds its payment instead of
 * recording it twice. Runs before a scan reads the chain and before verify ingests a transaction
 * (`txHash`). A transaction that is not mined now stays listed for a later run. Returns how many
 * payments left the list.
 */
export async function renumberLegacyTokenEvents({
  db,
  adapter,
  txHash,
  pageSize = 100,
}: {
  db: Executor
  adapter: AnyChainAdapter
  txHash?: string
  pageSize?: number
}): Promise<number> {
  if (!canRenumber(adapter)) return 0
  const network = adapter.network
  let done = 0
  let after = ''
  for (;;) {
    const { rows } = await sql<{ tx_hash: string }>`
      select distinct tx_hash from evm_event_renumbering
      where network = ${network} and tx_hash > ${after}
        ${txHash === undefined ? sql`` : sql`and tx_hash = ${txHash.toLowerCase()}`}
      order by tx_hash limit ${pageSize}`.execute(db)
    for (const { tx_hash } of rows) {
      const indexes = await adapter.legacyTokenEventIndexes(tx_hash)
      if (indexes) done += await renumberTransaction(db, network, tx_hash, indexes)
    }
    if (rows.length < pageSize) return done
    after = rows[rows.length - 1]!.tx_hash
  }
}

async function renumberTransaction(
  db: Executor,
  network: string,
  txHash: string,
  indexes: Map<number, number>,
): Promise<number> {
  return inTransaction(db, async (trx) => {
    // Ascending: the new numbers grow with the old and are never larger, so each lands on a number its
    // transaction's payments have already left.
    const { rows } = await sql<{ id: string; event_index: number }>`
      select p.id, p.event_index from payments p
      join evm_event_renumbering r on r.payment_id = p.id
      where r.network = ${network} and r.tx_hash = ${txHash}
      order by p.event_index
      for update of p`.execute(trx)
    for (const row of rows) {
      // A log that is no known token's Transfer at that position (a token dropped from the configuration):
      // its number stays, as nothing better is known.
      const next = indexes.get(row.event_index)
      if (next !== undefined && next !== row.event_index)
        await trx.updateTable('payments').set({ event_index: next }).where('id', '=', row.id).execute()
    }
    if (rows.length > 0)
      await sql`delete from evm_event_renumbering where payment_id = any(${rows.map((r) => r.id)}::uuid[])`.execute(
        trx,
      )
    return rows.length
  })
}
