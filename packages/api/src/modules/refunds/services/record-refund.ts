import { formatUnits, type NetworkId, type NetworkMode, networks } from '@coinbook/chain-watchers'
import { InvalidAmountError, parseUnits } from '@coinbook/chain-watchers/money'
import type { Transaction } from 'kysely'
import { sql } from 'kysely'
import type { ServiceContext } from '../../../context.js'
import type { Database } from '../../../db/database.js'
import { newId } from '../../../db/ids.js'
import { inTransaction } from '../../../db/transaction.js'
import { ConflictError, NotFoundError, ValidationError } from '../../../errors.js'
import { refreshPaymentMetrics } from '../../analytics/metrics.js'
import { recordCustomerAudit } from '../../customers/services/audit.js'
import { recordEvent } from '../../events/services/record-event.js'
import { validateAddress } from '../../payment-methods/services/validate-address.js'
import { txHashFormats } from '../../payments/schema.js'
import { paymentEventObject } from '../../payments/services/event-data.js'
import { fiatDecimals } from '../../rates/index.js'
import { refundFiatValue } from '../money.js'
import type { CreateRefundInput, RefundDto } from '../schema.js'
import { presentRefund } from './present.js'

/**
 * Records a refund the merchant sent back for a confirmed payment of a customer, in one transaction with
 * what follows from it: the customer's lifetime value and coin mix (refreshPaymentMetrics), the
 * `payment.refunded` event (webhooks) and an entry in the customer's audit trail. The payment row is locked,
 * so two refunds of one payment at once cannot together refund more than it paid. The same `txHash` again
 * with the same amount and address returns the refund already recorded (`created: false`).
 * An invoice the payment paid stays as it is: a refund does not reopen it.
 */
export async function recordRefund({
  ctx,
  paymentId,
  input,
  mode,
}: {
  ctx: ServiceContext
  paymentId: string
  input: CreateRefundInput
  mode: NetworkMode
}): Promise<{ refund: RefundDto; created: boolean }> {
  return inTransaction(ctx.db, async (trx) => {
    const payment = await trx
      .selectFrom('payments')
      .selectAll()
      .where('merchant_id', '=', ctx.merchantId)
      .where('id', '=', paymentId)
      .forUpdate()
      .executeTakeFirst()
    if (!payment) throw new NotFoundError('Payment', paymentId)
    const customerId = payment.customer_id
    if (customerId === null) {
      throw new ConflictError('This payment has no customer: assign it to one before refunding it', {
        paymentStatus: payment.status,
      })
    }
    if (payment.status !== 'confirmed') {
      throw new ConflictError(`Only a confirmed payment can be refunded; this one is ${payment.status}`, {
        paymentStatus: payment.status,
      })
    }
    const network = payment.network as NetworkId
    const amount = parseAmount(input.amount, payment.decimals, payment.asset)
    const txHash = input.txHash === undefined ? null : normalizeTxHash(network, input.txHash)
    const to = await refundAddress(trx, ctx.merchantId, customerId, network, input, mode)

    if (txHash !== null) {
      const known = await trx
        .selectFrom('refunds')
        .selectAll()
        .where('payment_id', '=', payment.id)
        .where('tx_hash', '=', txHash)
        .executeTakeFirst()
      if (known) {
        if (BigInt(known.amount) === amount && known.address === to.address) {
          return { refund: presentRefund({ ...known, ...coinOf(payment) }, mode), created: false }
        }
        throw new ConflictError(
          'This refund transaction is already recorded for this payment, with another amount or address',
          { refundId: known.id },
        )
      }
    }

    const { refunded } = await trx
      .selectFrom('refunds')
      .select(sql<string>`coalesce(sum(amount), 0)`.as('refunded'))
      .where('payment_id', '=', payment.id)
      .executeTakeFirstOrThrow()
    const before = BigInt(refunded)
    const left = BigInt(payment.amount) - before
    if (amount > left) {
      const what = `${formatUnits(left, payment.decimals)} ${payment.asset}`
      throw new ValidationError(`At most ${what} of this payment is left to refund`, [
        { path: 'amount', message: `is more than the ${what} left to refund` },
      ])
    }
    const row = await trx
      .insertInto('refunds')
      .values({
        id: newId(),
        merchant_id: ctx.merchantId,
        payment_id: payment.id,
        amount: amount.toString(),
        fiat_value: refundFiatValue({
          fiatValue: payment.fiat_value,
          paymentAmount: BigInt(payment.amount),
          refundedBefore: before,
          amount,
          fiatDecimals: fiatDecimals(payment.fiat_currency),
        }),
        address: to.address,
        display_address: to.display,
        memo: to.memo,
        tx_hash: txHash,
        note: input.note ?? null,
        actor_type: ctx.actor.type,
        actor_id: ctx.actor.id,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    const refund = presentRefund({ ...row, ...coinOf(payment) }, mode)

    await refreshPaymentMetrics(trx, customerId)
    await recordEvent(trx, {
      merchantId: ctx.merchantId,
      type: 'payment.refunded',
      subjectId: payment.id,
      data: {
        object: paymentEventObject(payment),
        refund,
        refundedAmount: formatUnits(before + amount, payment.decimals),
      },
    })
    await recordCustomerAudit(trx, ctx, {
      action: 'customer.payment_refunded',
      customerId,
      data: {
        paymentId: payment.id,
        refundId: refund.id,
        network,
        asset: payment.asset,
        amount: refund.amount,
        fiatValue: refund.fiatValue,
        address: refund.address,
        txHash,
      },
    })
    return { refund, created: true }
  })
}

function coinOf(p: { network: string; asset: string; decimals: number; fiat_currency: string }) {
  return { network: p.network, asset: p.asset, decimals: p.decimals, fiat_currency: p.fiat_currency }
}

/** Base units of the asset; more decimals than the asset has is a 400 naming `amount`. */
function parseAmount(value: string, decimals: number, asset: string): bigint {
  try {
    return parseUnits(value, decimals)
  } catch (err) {
    if (!(err instanceof InvalidAmountError)) throw err
    throw new ValidationError(`${asset} has ${decimals} decimals`, [
      { path: 'amount', message: `must have at most ${decimals} decimals (${asset})` },
    ])
  }
}

/**
 * The refund's transaction id in the network's format, in the form the chain watchers record hashes (hex
 * lower-cased; Tron without 0x); a 400 naming `txHash` otherwise.
 */
export function normalizeTxHash(network: NetworkId, txHash: string): string {
  const [pattern, expected] = txHashFormats[network]
  if (!pattern.test(txHash)) {
    throw new ValidationError(`Not a transaction hash of ${networks[network].name}`, [
      { path: 'txHash', message: `is not a transaction hash of ${networks[network].name} (${expected})` },
    ])
  }
  if (network === 'tron') return txHash.replace(/^0x/i, '').toLowerCase()
  return /^(0x)?[0-9a-fA-F]+$/.test(txHash) && network !== 'solana' ? txHash.toLowerCase() : txHash
}

/**
 * Where the refund goes: the address given (checked for the payment's network and the deployment's mode),
 * else the customer's refund address on that network. A comment only on TON.
 */
async function refundAddress(
  trx: Transaction<Database>,
  merchantId: string,
  customerId: string,
  network: NetworkId,
  input: Pick<CreateRefundInput, 'address' | 'memo'>,
  mode: NetworkMode,
): Promise<{ address: string; display: string; memo: string | null }> {
  const memo = input.memo ?? null
  if (memo !== null && network !== 'ton') {
    throw new ValidationError('Only TON refunds carry a comment', [
      { path: 'memo', message: `is not used on ${networks[network].name}` },
    ])
  }
  if (input.address !== undefined) {
    return { address: validateAddress(network, input.address, mode), display: input.address, memo }
  }
  const saved = await trx
    .selectFrom('refund_addresses')
    .select(['address', 'display_address', 'memo'])
    .where('merchant_id', '=', merchantId)
    .where('customer_id', '=', customerId)
    .where('network', '=', network)
    .executeTakeFirst()
  if (!saved) {
    throw new ValidationError(`The customer has no ${networks[network].name} refund address`, [
      {
        path: 'address',
        message: `is required: the customer has no refund address on ${networks[network].name}`,
      },
    ])
  }
  return { address: saved.address, display: saved.display_address, memo: memo ?? saved.memo }
}
