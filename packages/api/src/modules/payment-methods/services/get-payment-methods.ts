import type { ServiceContext } from '../../../context.js'
import { assertCustomer, presentTarget } from '../../deposit-targets/services/allocate.js'
import { presentPayerWallet, presentRefundAddress } from './present.js'

/**
 * Everything the profile's Payment methods tab shows in one read: preferred coins (the first is the default
 * method), the customer's own deposit addresses (not the ones invoice quotes allocated), the wallets they
 * paid from and their refund addresses.
 */
export async function getPaymentMethods({ ctx, customerId }: { ctx: ServiceContext; customerId: string }) {
  await assertCustomer(ctx, customerId)
  const [coins, targets, wallets, refunds] = await Promise.all([
    ctx.db
      .selectFrom('customer_preferences')
      .select(['asset', 'network'])
      .where('merchant_id', '=', ctx.merchantId)
      .where('customer_id', '=', customerId)
      .orderBy('position')
      .execute(),
    ctx.db
      .selectFrom('deposit_targets')
      .selectAll()
      .where('merchant_id', '=', ctx.merchantId)
      .where('customer_id', '=', customerId)
      .where('invoice_id', 'is', null)
      .orderBy('network')
      .orderBy('id', 'desc')
      .$narrowType<{ customer_id: string }>()
      .execute(),
    ctx.db
      .selectFrom('payer_wallets')
      .selectAll()
      .where('merchant_id', '=', ctx.merchantId)
      .where('customer_id', '=', customerId)
      .orderBy('network')
      .orderBy('last_seen_at', (ob) => ob.desc().nullsLast())
      .orderBy('id')
      .execute(),
    ctx.db
      .selectFrom('refund_addresses')
      .selectAll()
      .where('merchant_id', '=', ctx.merchantId)
      .where('customer_id', '=', customerId)
      .orderBy('network')
      .execute(),
  ])
  return {
    preferredCoins: coins,
    defaultMethod: coins[0] ?? null,
    depositAddresses: targets.map(presentTarget),
    wallets: wallets.map(presentPayerWallet),
    refundAddresses: refunds.map(presentRefundAddress),
  }
}
