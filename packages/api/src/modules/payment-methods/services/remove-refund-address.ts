import type { ServiceContext } from '../../../context.js'
import { inTransaction } from '../../../db/transaction.js'
import { NotFoundError } from '../../../errors.js'
import { recordCustomerAudit } from '../../customers/services/audit.js'

/** Removes a customer's refund address on a network. */
export async function removeRefundAddress({
  ctx,
  customerId,
  network,
}: {
  ctx: ServiceContext
  customerId: string
  network: string
}) {
  await inTransaction(ctx.db, async (trx) => {
    const removed = await trx
      .deleteFrom('refund_addresses')
      .where('merchant_id', '=', ctx.merchantId)
      .where('customer_id', '=', customerId)
      .where('network', '=', network)
      .returning('display_address')
      .executeTakeFirst()
    if (!removed) throw new NotFoundError('Refund address', network)
    await recordCustomerAudit(
      trx,
      { ...ctx, db: trx },
      {
        action: 'customer.refund_address_removed',
        customerId,
        data: { network, address: removed.display_address },
      },
    )
  })
}
