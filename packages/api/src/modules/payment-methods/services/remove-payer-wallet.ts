import type { ServiceContext } from '../../../context.js'
import { inTransaction } from '../../../db/transaction.js'
import { NotFoundError } from '../../../errors.js'
import { recordCustomerAudit } from '../../customers/services/audit.js'

/**
 * Forgets a wallet for a customer: payments from it no longer recognise them. A later payment of theirs
 * from it (to their own address, or assigned by hand) teaches it again, since that is a new fact.
 */
export async function removePayerWallet({
  ctx,
  customerId,
  walletId,
}: {
  ctx: ServiceContext
  customerId: string
  walletId: string
}) {
  await inTransaction(ctx.db, async (trx) => {
    const removed = await trx
      .deleteFrom('payer_wallets')
      .where('merchant_id', '=', ctx.merchantId)
      .where('customer_id', '=', customerId)
      .where('id', '=', walletId)
      .returning(['network', 'display_address'])
      .executeTakeFirst()
    if (!removed) throw new NotFoundError('Wallet', walletId)
    await recordCustomerAudit(
      trx,
      { ...ctx, db: trx },
      {
        action: 'customer.wallet_removed',
        customerId,
        data: { network: removed.network, address: removed.display_address },
      },
    )
  })
}
