import type { ServiceContext } from '../../../context.js'
import { assertCustomer } from '../../deposit-targets/services/allocate.js'
import { presentPayerWallet } from './present.js'

/** The wallets a customer paid from or the merchant added, by network, most recently seen first. */
export async function listPayerWallets({ ctx, customerId }: { ctx: ServiceContext; customerId: string }) {
  await assertCustomer(ctx, customerId)
  const rows = await ctx.db
    .selectFrom('payer_wallets')
    .selectAll()
    .where('merchant_id', '=', ctx.merchantId)
    .where('customer_id', '=', customerId)
    .orderBy('network')
    .orderBy('last_seen_at', (ob) => ob.desc().nullsLast())
    .orderBy('id')
    .execute()
  return rows.map(presentPayerWallet)
}
