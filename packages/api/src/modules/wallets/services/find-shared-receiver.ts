import { isDerivedNetwork, type NetworkId } from '@coinbook/chain-watchers'
import { sql } from 'kysely'
import type { Executor } from '../../../context.js'

/** A merchant's address that every customer pays, with when it was connected. */
export interface SharedReceiver {
  merchant_id: string
  created_at: Date
  reporting_currency: string
}

/**
 * The merchant that receives on an address everyone pays: the Solana or TON wallet (retired ones too, so
 * late payments still land), or on EVM, Bitcoin and Tron an address the merchant listed as shared
 * (`/wallets/shared-addresses`). `address` is normalised.
 */
export async function findSharedReceiver(
  db: Executor,
  network: NetworkId,
  address: string,
): Promise<SharedReceiver | undefined> {
  if (isDerivedNetwork(network)) {
    return db
      .selectFrom('shared_receiving_addresses as s')
      .innerJoin('merchants as m', 'm.id', 's.merchant_id')
      .select(['s.merchant_id', 's.created_at', 'm.reporting_currency'])
      .where('s.network', '=', network)
      .where('s.address', '=', address)
      .executeTakeFirst()
  }
  return db
    .selectFrom('wallets as w')
    .innerJoin('merchants as m', 'm.id', 'w.merchant_id')
    .select(['w.merchant_id', 'w.created_at', 'm.reporting_currency'])
    .where('w.network', '=', network)
    .where('w.address', '=', address)
    .orderBy(sql`w.retired_at is null`, 'desc')
    .orderBy('w.created_at', 'desc')
    .executeTakeFirst()
}
