import type { NetworkMode } from '@coinbook/chain-watchers'
import type { Executor } from '../../../context.js'
import { payerAddress } from './learn-payer-wallet.js'

/**
 * The customer a payment's sender belongs to, when the merchant knows that wallet for exactly one customer
 * and it is not flagged shared; undefined otherwise (unknown, shared, or seen for several customers).
 */
export async function findSenderCustomer(
  db: Executor,
  payment: { merchantId: string; network: string; from: string | null },
  mode?: NetworkMode,
): Promise<string | undefined> {
  const address = payerAddress(payment.network, payment.from, mode)
  if (!address) return undefined
  const rows = await db
    .selectFrom('payer_wallets as w')
    .innerJoin('customers as c', 'c.id', 'w.customer_id')
    .select(['w.customer_id', 'w.shared'])
    .where('w.merchant_id', '=', payment.merchantId)
    .where('w.network', '=', payment.network)
    .where('w.address', '=', address)
    .where('c.deleted_at', 'is', null)
    .limit(2)
    .execute()
  const [only] = rows
  return rows.length === 1 && only && !only.shared ? only.customer_id : undefined
}
