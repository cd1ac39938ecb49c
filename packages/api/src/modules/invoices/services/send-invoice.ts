import { randomBytes } from 'node:crypto'
import type { Clock } from '../../../clock.js'
import type { ServiceContext } from '../../../context.js'
import { newId } from '../../../db/ids.js'
import { inTransaction } from '../../../db/transaction.js'
import { ConflictError } from '../../../errors.js'
import { recordEvent } from '../../events/services/record-event.js'
import { applyCredit } from './credit.js'
import { invoiceEventObject } from './event-data.js'
import { lockInvoice } from './lock.js'
import { syncInvoice } from './sync.js'

/** A pay link token: 32 random bytes, base64url (43 characters). */
export function newPayToken(): string {
  return randomBytes(32).toString('base64url')
}

/**
 * Opens a draft: it gets its public pay link, and the customer's credit in its currency is used on it
 * (which may pay it at once). Sending an invoice that is already open changes nothing.
 */
export async function sendInvoice({
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
    if (invoice.status === 'void') throw new ConflictError('This invoice is void; create a new one')
    if (invoice.status !== 'draft') return
    const at = deps.clock.now()
    const sent = await trx
      .updateTable('invoices')
      .set({ status: 'open', pay_token: newPayToken(), sent_at: at, updated_at: at })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
    await trx
      .insertInto('invoice_events')
      .values({ id: newId(), invoice_id: id, from_status: 'draft', to_status: 'open', reason: 'sent', at })
      .execute()
    await recordEvent(trx, {
      merchantId: ctx.merchantId,
      type: 'invoice.sent',
      subjectId: id,
      at,
      data: { object: invoiceEventObject(sent), previousStatus: 'draft' },
    })
    await applyCredit(trx, invoice, ctx.actor, at)
    await syncInvoice(trx, id, { at, reason: 'customer credit applied' })
  })
}
