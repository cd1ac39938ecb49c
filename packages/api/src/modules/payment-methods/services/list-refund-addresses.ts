import type { ServiceContext } from '../../../context.js'
import { assertCustomer } from '../../deposit-targets/services/allocate.js'
import { presentRefundAddress } from './present.js'

/** A customer's refund addresses, one per network. */
export async function listRefundAddresses({ ctx, customerId }: { ctx: ServiceContext; customerId: string }) {
  await assertCustomer(ctx, customerId)
  const rows = await ctx.db
    .selectFrom('refund_addresses')
    .selectAll()
    .where('merchant_id', '=', ctx.merchantId)
    .where('customer_id', '=', customerId)
    .orderBy('network')
    .execute()
  return rows.map(presentRefundAddress)
}
