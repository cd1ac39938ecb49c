import { sql } from 'kysely'
import type { ServiceContext } from '../../../context.js'
import { inTransaction } from '../../../db/transaction.js'
import { NotFoundError } from '../../../errors.js'
import { recordEvent } from '../../events/services/record-event.js'
import { recordCustomerAudit } from './audit.js'

/**
 * Soft-deletes a customer: it leaves lists and lookups, and its email and custom id are free again.
 * Its payments and history stay, pointing at the deleted row.
 */
export async function deleteCustomer({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  await inTransaction(ctx.db, async (trx) => {
    const deleted = await trx
      .updateTable('customers')
      .set({ deleted_at: sql`now()`, updated_at: sql`now()` })
      .where('merchant_id', '=', ctx.merchantId)
      .where('id', '=', input.id)
      .where('deleted_at', 'is', null)
      .returning(['name', 'email', 'custom_id', 'deleted_at'])
      .executeTakeFirst()
    if (!deleted) throw new NotFoundError('Customer', input.id)
    await recordCustomerAudit(trx, ctx, {
      action: 'customer.deleted',
      customerId: input.id,
      data: { name: deleted.name, email: deleted.email, customId: deleted.custom_id },
    })
    await recordEvent(trx, {
      merchantId: ctx.merchantId,
      type: 'customer.deleted',
      subjectId: input.id,
      data: {
        object: {
          id: input.id,
          name: deleted.name,
          email: deleted.email,
          customId: deleted.custom_id,
          deletedAt: deleted.deleted_at?.toISOString() ?? null,
        },
      },
    })
  })
}
