import type { ServiceContext } from '../../../context.js'
import { inTransaction } from '../../../db/transaction.js'
import { ConflictError, NotFoundError } from '../../../errors.js'
import { refreshPaymentMetrics } from '../../analytics/metrics.js'
import { recordCustomerAudit } from '../../customers/services/audit.js'
import { assertCustomer } from '../../deposit-targets/services/allocate.js'
import { learnPayerWallet } from '../../payment-methods/services/learn-payer-wallet.js'

/**
 * Gives an unattributed payment (one that reached a Solana or TON wallet without a customer's reference
 * or comment) to a customer: from then on it counts in their stats like any other, and the wallet it came
 * from is remembered for them. Assigning it to the
 * same customer again changes nothing; a payment that already has another customer is a conflict.
 */
export async function assignPayment({
  ctx,
  paymentId,
  customerId,
}: {
  ctx: ServiceContext
  paymentId: string
  customerId: string
}): Promise<{ changed: boolean }> {
  return inTransaction(ctx.db, async (trx) => {
    await assertCustomer({ ...ctx, db: trx }, customerId)
    const payment = await trx
      .selectFrom('payments')
      .selectAll()
      .where('merchant_id', '=', ctx.merchantId)
      .where('id', '=', paymentId)
      .forUpdate()
      .executeTakeFirst()
    if (!payment) throw new NotFoundError('Payment', paymentId)
    if (payment.customer_id === customerId) return { changed: false }
    if (payment.customer_id !== null) {
      throw new ConflictError('This payment already belongs to another customer', {
        customerId: payment.customer_id,
      })
    }
    await trx
      .updateTable('payments')
      .set({ customer_id: customerId, matched_by: 'manual', updated_at: new Date() })
      .where('id', '=', payment.id)
      .execute()
    // The merchant says whose it is: its wallet recognises this customer next time (unless shared).
    if (payment.status !== 'failed') {
      await learnPayerWallet(trx, {
        merchantId: ctx.merchantId,
        customerId,
        network: payment.network,
        from: payment.from_address,
        to: payment.to_address,
        seenAt: payment.block_time ?? payment.detected_at,
      })
    }
    if (payment.counted) {
      await refreshPaymentMetrics(trx, customerId)
    }
    await recordCustomerAudit(trx, ctx, {
      action: 'customer.payment_assigned',
      customerId,
      data: { paymentId: payment.id, network: payment.network, txHash: payment.tx_hash },
    })
    return { changed: true }
  })
}
