import type { Transaction } from 'kysely'
import type { Executor } from '../../../context.js'
import type { Database } from '../../../db/database.js'
import { CoinbookError } from '../../../errors.js'
import type { CreateCustomerInput } from '../../customers/schema.js'
import { createCustomer } from '../../customers/services/create-customer.js'
import { recordEvent } from '../../events/services/record-event.js'
import type { PreparedEvent } from '../../payments/services/ingest.js'

/** The profile source of customers a payment link made. */
export const PAYMENT_LINK_SOURCE = 'payment_link'

/** Which of these targets are payment link quotes' (they have no customer): target id → session id. */
export async function linkSessionsOf(
  db: Executor,
  targetIds: readonly string[],
): Promise<Map<string, string>> {
  if (targetIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('payment_link_quotes')
    .select(['deposit_target_id', 'session_id'])
    .where('deposit_target_id', 'in', [...new Set(targetIds)])
    .execute()
  return new Map(rows.map((r) => [r.deposit_target_id, r.session_id]))
}

/**
 * The prepared events with the customer of each link session's payment filled in, in the ingest's
 * transaction: the profile the session's first payment created or matched. A failed transfer makes none.
 */
export async function withLinkPayers(
  trx: Transaction<Database>,
  prepared: readonly PreparedEvent[],
): Promise<PreparedEvent[]> {
  const payers = new Map<string, string>()
  const out: PreparedEvent[] = []
  for (const p of prepared) {
    const sessionId = p.linkSessionId
    if (!sessionId || p.target.customer_id || p.event.status === 'failed') {
      out.push(p)
      continue
    }
    let customerId = payers.get(sessionId)
    if (!customerId) {
      const at = p.event.blockTime !== undefined ? new Date(p.event.blockTime * 1000) : new Date()
      customerId = await payerOfSession(trx, sessionId, at)
      payers.set(sessionId, customerId)
    }
    out.push({ ...p, target: { ...p.target, customer_id: customerId } })
  }
  return out
}

/**
 * The customer a session's payments belong to. On its first payment: the merchant's live customer with
 * the payer's email (any case: emails are unique per merchant, case-insensitively), else a new profile
 * from the payer's answers with source "payment_link". The session row is locked, so the scan and a
 * verify seeing the same first payment make one profile; a concurrent session of the same email that
 * wins the insert is matched instead.
 */
export async function payerOfSession(
  trx: Transaction<Database>,
  sessionId: string,
  at: Date,
): Promise<string> {
  const s = await trx
    .selectFrom('payment_link_sessions')
    .selectAll()
    .where('id', '=', sessionId)
    .forUpdate()
    .executeTakeFirstOrThrow()
  if (s.customer_id) return s.customer_id
  const ctx = {
    db: trx,
    merchantId: s.merchant_id,
    actor: { type: 'system' as const, id: null, role: 'admin' as const },
  }
  let customerId = s.email ? await liveCustomerByEmail(trx, s.merchant_id, s.email) : undefined
  const matched = customerId !== undefined
  if (!customerId) {
    const link = await trx
      .selectFrom('payment_links')
      .select('title')
      .where('id', '=', s.link_id)
      .executeTakeFirstOrThrow()
    const input: CreateCustomerInput = {
      name: s.name ?? s.email ?? `Payer of “${link.title}”`,
      ...(s.email ? { email: s.email } : {}),
      ...(s.phone ? { phone: s.phone } : {}),
      ...(s.billing_address ? { billingAddress: s.billing_address } : {}),
    }
    try {
      customerId = (await createCustomer({ ctx, input, source: PAYMENT_LINK_SOURCE })).id
    } catch (err) {
      const existing = err instanceof CoinbookError ? err.details?.existingCustomerId : undefined
      if (typeof existing !== 'string') throw err
      customerId = existing
    }
  }
  await trx
    .updateTable('payment_link_sessions')
    .set({ customer_id: customerId, customer_matched: matched, paid_at: at })
    .where('id', '=', sessionId)
    .execute()
  await recordEvent(trx, {
    merchantId: s.merchant_id,
    type: 'payment_link.used',
    subjectId: s.link_id,
    data: {
      object: {
        linkId: s.link_id,
        sessionId: s.id,
        customerId,
        customerMatched: matched,
        name: s.name,
        email: s.email,
        amount: s.amount,
        currency: s.currency,
      },
    },
  })
  return customerId
}

async function liveCustomerByEmail(db: Executor, merchantId: string, email: string) {
  const row = await db
    .selectFrom('customers')
    .select('id')
    .where('merchant_id', '=', merchantId)
    .where('email', '=', email)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  return row?.id
}
