import type { ServiceContext } from '../../../context.js'
import { inTransaction } from '../../../db/transaction.js'
import { ConflictError, NotFoundError } from '../../../errors.js'
import { recordCustomerAudit } from '../../customers/services/audit.js'
import type { UpdatePayerWalletInput } from '../schema.js'
import { presentPayerWallet } from './present.js'

/**
 * Labels a customer's wallet, or marks its address shared (or not). Shared is a property of the address:
 * it changes on every customer the address is known for. An address known for several customers stays
 * shared: un-sharing it is a conflict until it is removed from the others.
 */
export async function updatePayerWallet({
  ctx,
  customerId,
  walletId,
  input,
}: {
  ctx: ServiceContext
  customerId: string
  walletId: string
  input: UpdatePayerWalletInput
}) {
  return inTransaction(ctx.db, async (trx) => {
    const wallet = await trx
      .selectFrom('payer_wallets')
      .selectAll()
      .where('merchant_id', '=', ctx.merchantId)
      .where('customer_id', '=', customerId)
      .where('id', '=', walletId)
      .forUpdate()
      .executeTakeFirst()
    if (!wallet) throw new NotFoundError('Wallet', walletId)
    if (input.label !== undefined) {
      await trx
        .updateTable('payer_wallets')
        .set({ label: input.label, updated_at: new Date() })
        .where('id', '=', wallet.id)
        .execute()
    }
    if (input.shared !== undefined && input.shared !== wallet.shared) {
      if (!input.shared) {
        const others = await trx
          .selectFrom('payer_wallets')
          .select('customer_id')
          .where('merchant_id', '=', ctx.merchantId)
          .where('network', '=', wallet.network)
          .where('address', '=', wallet.address)
          .where('customer_id', '!=', customerId)
          .limit(1)
          .execute()
        if (others.length > 0) {
          throw new ConflictError(
            'This wallet is known for other customers too; remove it from them before un-sharing it',
            { field: 'shared', customerId: others[0]!.customer_id },
          )
        }
      }
      await trx
        .updateTable('payer_wallets')
        .set({ shared: input.shared, updated_at: new Date() })
        .where('merchant_id', '=', ctx.merchantId)
        .where('network', '=', wallet.network)
        .where('address', '=', wallet.address)
        .execute()
    }
    await recordCustomerAudit(
      trx,
      { ...ctx, db: trx },
      {
        action: 'customer.wallet_updated',
        customerId,
        data: { walletId, ...input },
      },
    )
    const updated = await trx
      .selectFrom('payer_wallets')
      .selectAll()
      .where('id', '=', wallet.id)
      .executeTakeFirstOrThrow()
    return presentPayerWallet(updated)
  })
}
