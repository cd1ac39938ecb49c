import type { Clock } from '../../../clock.js'
import type { ServiceContext } from '../../../context.js'
import { newId } from '../../../db/ids.js'
import { inTransaction } from '../../../db/transaction.js'
import { ConflictError, ValidationError } from '../../../errors.js'
import { fiatDecimals } from '../../rates/index.js'
import { formatMinor, toMinor } from '../money.js'
import type { RecordPaymentInput } from '../schema.js'
import { lockInvoice } from './lock.js'
import { syncInvoice } from './sync.js'

/** Records a payment made outside Coinbook (bank transfer, cash), in the invoice's currency. */
export async function recordOffchainPayment({
  ctx,
  deps,
  id,
  input,
}: {
  ctx: ServiceContext
  deps: { clock: Clock }
  id: string
  input: RecordPaymentInput
}): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    const invoice = await lockInvoice(trx, ctx.merchantId, id)
    if (invoice.status === 'draft')
      throw new ConflictError('Send the invoice before recording payments on it')
    if (invoice.status === 'void')
      throw new ConflictError('This invoice is void; no payment can be recorded on it')
    const fd = fiatDecimals(invoice.currency)
    let amount: bigint
    try {
      amount = toMinor(input.amount, fd)
    } catch {
      throw new ValidationError(`${invoice.currency} amounts have ${fd} decimals`, [
        { path: 'amount', message: `must have at most ${fd} decimals in ${invoice.currency}` },
      ])
    }
    const at = deps.clock.now()
    await trx
      .insertInto('invoice_payments')
      .values({
        id: newId(),
        merchant_id: ctx.merchantId,
        invoice_id: id,
        method: 'offchain',
        amount: formatMinor(amount, fd),
        note: input.note ?? null,
        actor_type: ctx.actor.type,
        actor_id: ctx.actor.id,
        created_at: at,
      })
      .execute()
    await syncInvoice(trx, id, { at, reason: 'off-chain payment recorded' })
  })
}
