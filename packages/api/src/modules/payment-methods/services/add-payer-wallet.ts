import type { NetworkMode } from '@coinbook/chain-watchers'
import type { ServiceContext } from '../../../context.js'
import { newId } from '../../../db/ids.js'
import { inTransaction } from '../../../db/transaction.js'
import { ConflictError } from '../../../errors.js'
import { recordCustomerAudit } from '../../customers/services/audit.js'
import { assertCustomer } from '../../deposit-targets/services/allocate.js'
import type { AddPayerWalletInput } from '../schema.js'
import { flagSharedAddresses } from './learn-payer-wallet.js'
import { presentPayerWallet } from './present.js'
import { validateAddress } from './validate-address.js'

/**
 * Adds a wallet the merchant knows the customer pays from, so payments from it to a shared address are
 * recognised. An address already known for another customer becomes shared for both (and recognises
 * neither); the same address twice for one customer is a conflict.
 */
export async function addPayerWallet({
  ctx,
  customerId,
  input,
  mode,
}: {
  ctx: ServiceContext
  customerId: string
  input: AddPayerWalletInput
  mode: NetworkMode
}) {
  const address = validateAddress(input.network, input.address, mode)
  return inTransaction(ctx.db, async (trx) => {
    const tx = { ...ctx, db: trx }
    await assertCustomer(tx, customerId)
    const row = await trx
      .insertInto('payer_wallets')
      .values({
        id: newId(),
        merchant_id: ctx.merchantId,
        customer_id: customerId,
        network: input.network,
        address,
        display_address: input.address,
        label: input.label ?? null,
        source: 'manual',
      })
      .onConflict((oc) => oc.columns(['merchant_id', 'network', 'address', 'customer_id']).doNothing())
      .returning('id')
      .executeTakeFirst()
    if (!row) throw new ConflictError('The customer already has this wallet', { field: 'address' })
    await flagSharedAddresses(trx, [{ merchantId: ctx.merchantId, network: input.network, address }])
    await recordCustomerAudit(trx, tx, {
      action: 'customer.wallet_added',
      customerId,
      data: { network: input.network, address: input.address },
    })
    const created = await trx
      .selectFrom('payer_wallets')
      .selectAll()
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow()
    return presentPayerWallet(created)
  })
}
