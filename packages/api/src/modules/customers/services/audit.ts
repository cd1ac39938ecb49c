import type { Executor, ServiceContext } from '../../../context.js'
import { newId } from '../../../db/ids.js'

export type CustomerAuditAction =
  | 'customer.created'
  | 'customer.updated'
  | 'customer.deleted'
  | 'customer.merged'
  | 'customer.payment_assigned'
  | 'customer.payment_refunded'
  | 'customer.wallet_added'
  | 'customer.wallet_updated'
  | 'customer.wallet_removed'
  | 'customer.refund_address_set'
  | 'customer.refund_address_removed'
  | 'customer.exported'
  | 'customer.erased'
  | 'customer.avatar_set'
  | 'customer.avatar_removed'

/** Appends an entry to a customer's audit trail, in the caller's transaction. */
export async function recordCustomerAudit(
  db: Executor,
  ctx: ServiceContext,
  entry: { action: CustomerAuditAction; customerId: string; data?: Record<string, unknown> },
) {
  await db
    .insertInto('audit_log')
    .values({
      id: newId(),
      merchant_id: ctx.merchantId,
      actor_type: ctx.actor.type,
      actor_id: ctx.actor.id,
      action: entry.action,
      subject_type: 'customer',
      subject_id: entry.customerId,
      data: JSON.stringify(entry.data ?? {}),
    })
    .execute()
}
