import type { Clock } from '../../../clock.js'
import type { ServiceContext } from '../../../context.js'
import { newId } from '../../../db/ids.js'
import { inTransaction } from '../../../db/transaction.js'
import { ConflictError } from '../../../errors.js'
import { recordEvent } from '../../events/services/record-event.js'
import { invoiceEventObject } from './event-data.js'
import { lockInvoice } from './lock.js'
import { syncInvoice } from './sync.js'

/**
 * Voids an invoice that is not paid: its pay link stops working, and whatever was paid on it (credit
 * used included) becomes the customer's credit. Voiding a void invoice changes nothing.
 */
export async function voidInvoice({
  ctx,
  deps,
  id,
}: {
  ctx: ServiceContext
  deps: { clock: Clock }
  id: string
}): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    const invoice = await lockInvoice(trx, ctx.merchantId, id)
    if (invoice.status === 'void') return
    if (invoice.status === 'paid' || invoice.status === 'overpaid') {
      throw new ConflictError('A paid invoice cannot be voided; refund the payment instead', {
        status: invoice.status,
      })
    }
    const at = deps.clock.now()
    const voided = await trx
      .updateTable('invoices')
      .set({ status: 'void', voided_at: at, updated_at: at })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
    await trx
      .insertInto('invoice_events')
      .values({
        id: newId(),
        invoice_id: id,
        from_status: invoice.status,
        to_status: 'void',
        reason: 'voided',
        at,
      })
      .execute()
    await recordEvent(trx, {
      merchantId: ctx.merchantId,
      type: 'invoice.voided',
      subjectId: id,
      at,
      data: { object: invoiceEventObject(voided), previousStatus: invoice.status },
    })
    await syncInvoice(trx, id, { at, reason: 'voided' })
  })
}
