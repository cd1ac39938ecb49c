import type { NetworkId } from '@coinbook/chain-watchers'
import type { Selectable } from 'kysely'
import type { PayerWalletsTable, RefundAddressesTable } from '../../../db/database.js'

/** A payer wallet as the API shows it. */
export function presentPayerWallet(row: Selectable<PayerWalletsTable>) {
  return {
    id: row.id,
    customerId: row.customer_id,
    network: row.network as NetworkId,
    address: row.display_address,
    label: row.label,
    source: row.source,
    shared: row.shared,
    paymentCount: row.payment_count,
    firstSeenAt: row.first_seen_at?.toISOString() ?? null,
    lastSeenAt: row.last_seen_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  }
}

/** A refund address as the API shows it. */
export function presentRefundAddress(row: Selectable<RefundAddressesTable>) {
  return {
    network: row.network as NetworkId,
    address: row.display_address,
    memo: row.memo,
    updatedAt: row.updated_at.toISOString(),
  }
}
