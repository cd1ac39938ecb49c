import type { ServiceContext } from '../../../context.js'
import { inTransaction } from '../../../db/transaction.js'
import { NotFoundError } from '../../../errors.js'
import { queueMessage } from './queue-message.js'

/**
 * A one-off message from the merchant to a customer (kind custom): the subject and text as written, in the
 * merchant's layout. Kept in the log like every other; suppressed when the customer has no email.
 */
export async function sendCustomMessage({
  ctx,
  customerId,
  input,
  now,
}: {
  ctx: ServiceContext
  customerId: string
  input: { subject: string; text: string }
  now: Date
}) {
  return inTransaction(ctx.db, async (trx) => {
    const customer = await trx
      .selectFrom('customers')
      .select('id')
      .where('merchant_id', '=', ctx.merchantId)
      .where('id', '=', customerId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst()
    if (!customer) throw new NotFoundError('Customer', customerId)
    // The default custom template is {{message.subject}} / {{message.text}}; values are not re-parsed, so
    // braces the merchant typed stay text.
    return queueMessage(trx, {
      merchantId: ctx.merchantId,
      customerId,
      kind: 'custom',
      variables: { message: { subject: input.subject, text: input.text } },
      sendAfter: now,
    })
  })
}
