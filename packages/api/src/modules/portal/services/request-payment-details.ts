import type { Transaction } from 'kysely'
import type { Clock } from '../../../clock.js'
import type { Executor, ServiceContext } from '../../../context.js'
import type { Database } from '../../../db/database.js'
import { inTransaction } from '../../../db/transaction.js'
import { ConflictError, NotFoundError } from '../../../errors.js'
import { queueMessages } from '../../messages/services/queue-message.js'
import { PAYMENT_DETAILS_TTL_MINUTES } from '../tokens.js'
import { loadPortalSettings } from './settings.js'
import { issuePortalLink } from './sign-in.js'

/**
 * Emails each of these customers a portal link asking for their coins and a refund address, and records
 * the request (sent now, not answered). Customers the message cannot reach (no email, deleted) are
 * skipped and get no request recorded. `dedupeKey` makes a retried bulk batch send nothing twice.
 */
export async function queuePaymentDetailsRequests(
  trx: Transaction<Database>,
  merchantId: string,
  customerIds: readonly string[],
  now: Date,
  dedupeKey?: (customerId: string) => string,
): Promise<{ changed: number; skipped: number }> {
  if (customerIds.length === 0) return { changed: 0, skipped: 0 }
  const customers = await trx
    .selectFrom('customers')
    .select('id')
    .where('merchant_id', '=', merchantId)
    .where('id', 'in', [...customerIds])
    .where('deleted_at', 'is', null)
    .where('email', 'is not', null)
    .orderBy('id')
    .execute()
  const inputs = []
  for (const c of customers) {
    const link = await issuePortalLink(trx, {
      merchantId,
      customerId: c.id,
      purpose: 'payment_details',
      ttlMinutes: PAYMENT_DETAILS_TTL_MINUTES,
      now,
    })
    inputs.push({
      merchantId,
      customerId: c.id,
      kind: 'payment_details_request' as const,
      variables: { payLink: link },
      sendAfter: now,
      ...(dedupeKey ? { dedupeKey: dedupeKey(c.id) } : {}),
    })
  }
  const queued = await queueMessages(trx, inputs)
  const sent = customers.filter((_, i) => queued[i]?.status === 'queued' && queued[i]?.created)
  if (sent.length > 0)
    await trx
      .insertInto('payment_details_requests')
      .values(
        sent.map((c) => ({
          customer_id: c.id,
          merchant_id: merchantId,
          requested_at: now,
          answered_at: null,
        })),
      )
      .onConflict((oc) => oc.column('customer_id').doUpdateSet({ requested_at: now, answered_at: null }))
      .execute()
  const reached = customers.filter((_, i) => queued[i]?.status === 'queued').length
  return { changed: reached, skipped: customerIds.length - reached }
}

/** POST /customers/{id}/payment-details-request: one customer, now. */
export async function requestPaymentDetails({
  ctx,
  clock,
  customerId,
}: {
  ctx: ServiceContext
  clock: Clock
  customerId: string
}) {
  return inTransaction(ctx.db, async (trx) => {
    const customer = await trx
      .selectFrom('customers')
      .select(['id', 'email'])
      .where('merchant_id', '=', ctx.merchantId)
      .where('id', '=', customerId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst()
    if (!customer) throw new NotFoundError('Customer', customerId)
    if (!customer.email)
      throw new ConflictError('This customer has no email address: add one to send them the request')
    if (!(await loadPortalSettings(trx, ctx.merchantId)).enabled)
      throw new ConflictError(
        'The customer portal is switched off: switch it on in Settings → Customer portal',
      )
    await queuePaymentDetailsRequests(trx, ctx.merchantId, [customerId], clock.now())
    return getPaymentDetailsRequest(trx, ctx.merchantId, customerId)
  })
}

function present(r: { customer_id: string; requested_at: Date; answered_at: Date | null }) {
  return {
    customerId: r.customer_id,
    requestedAt: r.requested_at.toISOString(),
    answeredAt: r.answered_at ? r.answered_at.toISOString() : null,
  }
}

export async function getPaymentDetailsRequest(db: Executor, merchantId: string, customerId: string) {
  const row = await db
    .selectFrom('payment_details_requests')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where('customer_id', '=', customerId)
    .executeTakeFirst()
  return row ? present(row) : null
}

/** Who was asked and who answered, latest requests first. */
export async function listPaymentDetailsRequests({
  ctx,
  input,
}: {
  ctx: ServiceContext
  input: { status: 'pending' | 'answered' | 'all'; limit: number }
}) {
  const rows = await ctx.db
    .selectFrom('payment_details_requests as r')
    .innerJoin('customers as c', (j) =>
      j.onRef('c.id', '=', 'r.customer_id').onRef('c.merchant_id', '=', 'r.merchant_id'),
    )
    .select(['r.customer_id', 'r.requested_at', 'r.answered_at', 'c.name', 'c.email'])
    .where('r.merchant_id', '=', ctx.merchantId)
    .where('c.deleted_at', 'is', null)
    .$if(input.status === 'pending', (q) => q.where('r.answered_at', 'is', null))
    .$if(input.status === 'answered', (q) => q.where('r.answered_at', 'is not', null))
    .orderBy('r.requested_at', 'desc')
    .limit(input.limit)
    .execute()
  return rows.map((r) => ({ ...present(r), customerName: r.name, customerEmail: r.email }))
}
