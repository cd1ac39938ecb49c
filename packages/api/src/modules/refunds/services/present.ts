import {
  type AssetId,
  explorerTxUrl,
  formatUnits,
  type NetworkId,
  type NetworkMode,
} from '@coinbook/chain-watchers'
import type { Selectable } from 'kysely'
import type { Executor } from '../../../context.js'
import type { RefundsTable } from '../../../db/database.js'
import type { RefundDto } from '../schema.js'

/** A refund row with what it takes from its payment. */
export type RefundRow = Selectable<RefundsTable> & {
  network: string
  asset: string
  decimals: number
  fiat_currency: string
}

/** The refunds of these payments (at least one), oldest first, each with its payment's coin. */
export function selectRefunds(db: Executor, merchantId: string, paymentIds: readonly string[]) {
  return db
    .selectFrom('refunds as r')
    .innerJoin('payments as p', 'p.id', 'r.payment_id')
    .selectAll('r')
    .select(['p.network', 'p.asset', 'p.decimals', 'p.fiat_currency'])
    .where('r.merchant_id', '=', merchantId)
    .where('r.payment_id', 'in', paymentIds)
    .orderBy('r.payment_id')
    .orderBy('r.id')
}

/** The refunds of these payments as the API shows them, by payment id. */
export async function loadRefunds(
  db: Executor,
  merchantId: string,
  paymentIds: readonly string[],
  mode: NetworkMode,
): Promise<Map<string, RefundDto[]>> {
  const byPayment = new Map<string, RefundDto[]>()
  if (paymentIds.length === 0) return byPayment
  for (const row of await selectRefunds(db, merchantId, paymentIds).execute()) {
    const list = byPayment.get(row.payment_id) ?? []
    list.push(presentRefund(row, mode))
    byPayment.set(row.payment_id, list)
  }
  return byPayment
}

/** A refund as the API shows it: amounts as exact decimals, times as ISO strings. */
export function presentRefund(row: RefundRow, mode: NetworkMode): RefundDto {
  const network = row.network as NetworkId
  return {
    id: row.id,
    paymentId: row.payment_id,
    network,
    asset: row.asset as AssetId,
    amount: formatUnits(BigInt(row.amount), row.decimals),
    amountBaseUnits: row.amount,
    fiatCurrency: row.fiat_currency,
    fiatValue: row.fiat_value,
    address: row.display_address,
    memo: row.memo,
    txHash: row.tx_hash,
    explorerUrl: row.tx_hash ? (explorerTxUrl(network, row.tx_hash, mode) ?? null) : null,
    note: row.note,
    actor: { type: row.actor_type, id: row.actor_id },
    createdAt: row.created_at.toISOString(),
  }
}
