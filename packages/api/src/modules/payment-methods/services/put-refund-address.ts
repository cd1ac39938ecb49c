import type { NetworkId, NetworkMode } from '@coinbook/chain-watchers'
import type { ServiceContext } from '../../../context.js'
import { newId } from '../../../db/ids.js'
import { inTransaction } from '../../../db/transaction.js'
import { ValidationError } from '../../../errors.js'
import { recordCustomerAudit } from '../../customers/services/audit.js'
import { assertCustomer } from '../../deposit-targets/services/allocate.js'
import type { PutRefundAddressInput } from '../schema.js'
import { presentRefundAddress } from './present.js'
import { validateAddress } from './validate-address.js'

/**
 * Sets where a customer's refunds go on a network, replacing the one there was. The address is checked
 * for the network and the deployment's mode; a comment is only for TON, where exchanges credit deposits by
 * it.
 */
export async function putRefundAddress({
  ctx,
  customerId,
  network,
  input,
  mode,
}: {
  ctx: ServiceContext
  customerId: string
  network: NetworkId
  input: PutRefundAddressInput
  mode: NetworkMode
}) {
  const address = validateAddress(network, input.address, mode)
  const memo = input.memo ?? null
  if (memo !== null && network !== 'ton') {
    throw new ValidationError('Only TON refunds carry a comment', [
      { path: 'memo', message: `is not used on ${network}` },
    ])
  }
  return inTransaction(ctx.db, async (trx) => {
    const tx = { ...ctx, db: trx }
    await assertCustomer(tx, customerId)
    const row = await trx
      .insertInto('refund_addresses')
      .values({
        id: newId(),
        merchant_id: ctx.merchantId,
        customer_id: customerId,
        network,
        address,
        display_address: input.address,
        memo,
      })
      .onConflict((oc) =>
        oc.columns(['customer_id', 'network']).doUpdateSet({
          address,
          display_address: input.address,
          memo,
          updated_at: new Date(),
        }),
      )
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordCustomerAudit(trx, tx, {
      action: 'customer.refund_address_set',
      customerId,
      data: { network, address: input.address, memo },
    })
    return presentRefundAddress(row)
  })
}
