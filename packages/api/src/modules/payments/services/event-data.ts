import { formatUnits } from '@coinbook/chain-watchers'
import type { Selectable } from 'kysely'
import type { PaymentsTable } from '../../../db/database.js'

/** A payment as events (webhooks) carry it: exact decimal amounts, ISO times, the chain's own identity. */
export function paymentEventObject(row: Selectable<PaymentsTable>) {
  return {
    id: row.id,
    customerId: row.customer_id,
    invoiceId: row.invoice_id,
    network: row.network,
    asset: row.asset,
    txHash: row.tx_hash,
    eventIndex: row.event_index,
    from: row.from_address,
    to: row.to_address,
    memo: row.memo,
    reference: row.reference,
    amount: formatUnits(BigInt(row.amount), row.decimals),
    amountBaseUnits: row.amount,
    fiatCurrency: row.fiat_currency,
    fiatValue: row.fiat_value,
    status: row.status,
    confirmations: row.confirmations,
    blockNumber: row.block_number,
    blockHash: row.block_hash,
    detectedAt: row.detected_at.toISOString(),
    confirmedAt: row.confirmed_at?.toISOString() ?? null,
  }
}
