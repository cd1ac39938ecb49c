import type { ServiceContext } from '../../../context.js'
import { newId } from '../../../db/ids.js'
import { inTransaction } from '../../../db/transaction.js'
import { ConflictError } from '../../../errors.js'
import { isTransactional, type MessageKind } from '../kinds.js'
import { loadMessage } from './list-messages.js'

/**
 * Sends a message again: a new row with the same rendered content (the log keeps both), queued now. Refused
 * for a message that had no address, or whose customer has since unsubscribed from its (non-transactional)
 * kind or been deleted.
 */
export async function resendMessage({ ctx, id, now }: { ctx: ServiceContext; id: string; now: Date }) {
  return inTransaction(ctx.db, async (trx) => {
    const m = await loadMessage({ ...ctx, db: trx }, id)
    if (!m.to_address) throw new ConflictError('This message has no address to send to', { id })
    if (m.customer_id) {
      const customer = await trx
        .selectFrom('customers')
        .select(['deleted_at'])
        .where('merchant_id', '=', ctx.merchantId)
        .where('id', '=', m.customer_id)
        .executeTakeFirst()
      if (!customer || customer.deleted_at) throw new ConflictError('The customer was deleted', { id })
      if (!isTransactional(m.kind as MessageKind)) {
        const optedOut = await trx
          .selectFrom('message_opt_outs')
          .select('kind')
          .where('customer_id', '=', m.customer_id)
          .where('kind', '=', m.kind)
          .executeTakeFirst()
        if (optedOut) throw new ConflictError('The customer unsubscribed from this kind of email', { id })
      }
    }
    const resentId = newId()
    await trx
      .insertInto('messages')
      .values({
        id: resentId,
        merchant_id: ctx.merchantId,
        customer_id: m.customer_id,
        kind: m.kind,
        channel: m.channel,
        to_address: m.to_address,
        subject: m.subject,
        html: m.html,
        text: m.text,
        headers: JSON.stringify(m.headers),
        status: 'queued',
        invoice_id: m.invoice_id,
        payment_id: m.payment_id,
        subscription_id: m.subscription_id,
        resent_from_id: m.id,
        dedupe_key: null,
        suppressed_reason: null,
        last_error: null,
        send_after: now,
      })
      .execute()
    return resentId
  })
}
