import {
  type AssetId,
  explorerTxUrl,
  formatUnits,
  type NetworkId,
  type NetworkMode,
  networks,
} from '@coinbook/chain-watchers'
import type { Selectable } from 'kysely'
import type { PaymentsTable } from '../../../db/database.js'

/** A payment as the API shows it: amounts as exact decimals, times as ISO strings. */
export function presentPayment(
  row: Selectable<PaymentsTable> & {
    customer_name: string | null
    refunded_amount: string
    refunded_fiat_value: string | null
  },
  opts: { mode: NetworkMode; required: number },
) {
  const network = row.network as NetworkId
  const refunded = BigInt(row.refunded_amount)
  return {
    id: row.id,
    customerId: row.customer_id,
    customerName: row.customer_name,
    network,
    asset: row.asset as AssetId,
    txHash: row.tx_hash,
    eventIndex: row.event_index,
    from: row.from_address,
    to: row.to_address,
    memo: row.memo,
    reference: row.reference,
    amount: formatUnits(BigInt(row.amount), row.decimals),
    amountBaseUnits: row.amount,
    networkFee:
      row.network_fee === null
        ? null
        : formatUnits(BigInt(row.network_fee), networks[network].nativeDecimals),
    networkFeeAsset: networks[network].nativeAsset,
    matchedBy: row.matched_by,
    fiatCurrency: row.fiat_currency,
    fiatValue: row.fiat_value,
    rate: row.rate,
    status: row.status,
    confirmations: row.confirmations,
    requiredConfirmations: opts.required,
    blockNumber: row.block_number,
    blockTime: row.block_time?.toISOString() ?? null,
    explorerUrl: explorerTxUrl(network, row.tx_hash, opts.mode) ?? null,
    detectedAt: row.detected_at.toISOString(),
    confirmedAt: row.confirmed_at?.toISOString() ?? null,
    refundedAmount: formatUnits(refunded, row.decimals),
    refundedFiatValue: row.refunded_fiat_value,
    refundStatus:
      refunded === 0n
        ? ('none' as const)
        : refunded >= BigInt(row.amount)
          ? ('full' as const)
          : ('partial' as const),
  }
}
