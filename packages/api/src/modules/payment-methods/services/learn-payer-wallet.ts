import { type NetworkId, type NetworkMode, normalizeAddress } from '@coinbook/chain-watchers'
import { sql, type Transaction } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { Database } from '../../../db/database.js'

/**
 * Remembers the wallet an attributed payment came from, in the payment's transaction: one more payment
 * for (merchant, network, sender, customer), and the address flagged shared as soon as it is known for
 * more than one customer (an exchange's hot wallet, a family's wallet), after which it recognises nobody.
 * A sender that is not an address of the network (none, or a form the network does not use) is skipped.
 */
export async function learnPayerWallet(
  trx: Transaction<Database>,
  payment: {
    merchantId: string
    customerId: string
    network: string
    from: string | null
    to: string
    seenAt: Date
  },
  mode?: NetworkMode,
): Promise<void> {
  const address = payerAddress(payment.network, payment.from, mode)
  // A transfer from the receiving address itself (a consolidation) teaches nothing about the customer.
  if (!address || address === payerAddress(payment.network, payment.to, mode)) return
  const { merchantId, customerId, network, seenAt } = payment
  await trx
    .insertInto('payer_wallets')
    .values({
      id: uuidv7(),
      merchant_id: merchantId,
      customer_id: customerId,
      network,
      address,
      display_address: payment.from!,
      source: 'learned',
      payment_count: 1,
      first_seen_at: seenAt,
      last_seen_at: seenAt,
    })
    .onConflict((oc) =>
      oc.columns(['merchant_id', 'network', 'address', 'customer_id']).doUpdateSet({
        payment_count: sql`payer_wallets.payment_count + 1`,
        first_seen_at: sql`least(coalesce(payer_wallets.first_seen_at, excluded.first_seen_at), excluded.first_seen_at)`,
        last_seen_at: sql`greatest(coalesce(payer_wallets.last_seen_at, excluded.last_seen_at), excluded.last_seen_at)`,
        updated_at: new Date(),
      }),
    )
    .execute()
  await flagSharedAddress(trx, { merchantId, network, address })
}

/** Marks every row of an address shared when it belongs to more than one customer of the merchant. */
export async function flagSharedAddress(
  trx: Transaction<Database>,
  { merchantId, network, address }: { merchantId: string; network: string; address: string },
) {
  await trx
    .updateTable('payer_wallets')
    .set({ shared: true, updated_at: new Date() })
    .where('merchant_id', '=', merchantId)
    .where('network', '=', network)
    .where('address', '=', address)
    .where('shared', '=', false)
    .where(
      sql<boolean>`(select count(*) from payer_wallets o where o.merchant_id = ${merchantId} and o.network = ${network} and o.address = ${address}) > 1`,
    )
    .execute()
}

/** The normalised form of a sender, or undefined when it is none of the network's addresses. */
export function payerAddress(network: string, from: string | null, mode?: NetworkMode): string | undefined {
  if (!from) return undefined
  try {
    return normalizeAddress(network as NetworkId, from, mode)
  } catch {
    return undefined
  }
}
