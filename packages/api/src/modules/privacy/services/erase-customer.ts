import { sql } from 'kysely'
import type { ServiceContext } from '../../../context.js'
import { inTransaction } from '../../../db/transaction.js'
import { ConflictError, NotFoundError } from '../../../errors.js'
import { recordCustomerAudit } from '../../customers/services/audit.js'
import { recordEvent } from '../../events/services/record-event.js'

export const ERASED_NAME = 'Erased customer'

export interface EraseResult {
  id: string
  erasedAt: string
}

/**
 * Erases a customer's personal data, in one transaction. The customer row stays as a tombstone (same id,
 * no personal field; only its country, which the analytics rollups group by and which names no one), so
 * payments, invoices, credit, customer_stats and the rollups are untouched and every total adds up as
 * before. What describes the person goes: profile fields, preferred coins, payer wallets, refund addresses,
 * opt-outs, the reminder override, the avatar, portal links and sessions, what they typed on payment links,
 * rating comments, message bodies and addresses, the data of their events and of earlier audit entries.
 * Open subscriptions are canceled (no one left to bill), pay links stop working, queued mail is suppressed,
 * and the email is free for a new customer.
 */
export async function eraseCustomer({
  ctx,
  input,
}: {
  ctx: ServiceContext
  input: { id: string; reason?: string | undefined }
}): Promise<EraseResult> {
  const m = ctx.merchantId
  const id = input.id
  return inTransaction(ctx.db, async (trx) => {
    const row = await trx
      .selectFrom('customers')
      .select(['id', 'deleted_at', 'erased_at', 'merged_into_id'])
      .where('merchant_id', '=', m)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst()
    if (!row) throw new NotFoundError('Customer', id)
    if (row.erased_at) {
      throw new ConflictError(`Customer ${id} was already erased`, { erasedAt: row.erased_at.toISOString() })
    }
    const erased = await trx
      .updateTable('customers')
      .set({
        name: ERASED_NAME,
        custom_id: null,
        email: null,
        phone: null,
        company: null,
        job_title: null,
        billing_address: null,
        shipping_address: null,
        timezone: null,
        tax_id: null,
        vat_number: null,
        tags: [],
        notes: null,
        custom_fields: '{}',
        preferred_fiat: null,
        payment_limits: null,
        status: 'inactive',
        erased_at: sql`now()`,
        deleted_at: sql`coalesce(deleted_at, now())`,
        updated_at: sql`now()`,
      })
      .where('merchant_id', '=', m)
      .where('id', '=', id)
      .returning('erased_at')
      .executeTakeFirstOrThrow()

    const counts: Record<string, number> = {}
    const count = (
      name: string,
      r:
        | { numDeletedRows?: bigint; numUpdatedRows?: bigint; numAffectedRows?: bigint | undefined }
        | undefined,
    ) => {
      counts[name] = Number(r?.numDeletedRows ?? r?.numUpdatedRows ?? r?.numAffectedRows ?? 0n)
    }
    for (const table of [
      'customer_preferences',
      'payer_wallets',
      'refund_addresses',
      'message_opt_outs',
      'reminder_policies',
      'customer_avatars',
      // The customer portal: their sign-in links, sessions and the payment-details request (0022).
      'portal_tokens',
      'portal_sessions',
      'payment_details_requests',
    ] as const) {
      count(
        table,
        await trx
          .deleteFrom(table)
          .where('merchant_id', '=', m)
          .where('customer_id', '=', id)
          .executeTakeFirst(),
      )
    }
    count(
      'messages',
      await trx
        .updateTable('messages')
        .set({
          to_address: null,
          subject: '(erased)',
          html: '',
          text: '',
          headers: '{}',
          last_error: null,
          status: sql`case when status = 'queued' then 'suppressed' else status end`,
          suppressed_reason: sql`case when status = 'queued' then 'customer erased' else suppressed_reason end`,
          updated_at: sql`now()`,
        })
        .where('merchant_id', '=', m)
        .where('customer_id', '=', id)
        .executeTakeFirst(),
    )
    // What they typed on payment links' pages: the sessions stay (the links' uses) without it.
    count(
      'payment_link_sessions',
      await trx
        .updateTable('payment_link_sessions')
        .set({ name: null, email: null, phone: null, billing_address: null })
        .where('merchant_id', '=', m)
        .where('customer_id', '=', id)
        .executeTakeFirst(),
    )
    // The invoices stay (the merchant's books) but no longer open for anyone: the pay link was the payer's.
    count(
      'invoices',
      await trx
        .updateTable('invoices')
        .set({ pay_token: null })
        .where('merchant_id', '=', m)
        .where('customer_id', '=', id)
        .executeTakeFirst(),
    )
    count(
      'ratings',
      await sql`update invoice_ratings r set comment = null from invoices i
        where i.id = r.invoice_id and i.merchant_id = ${m} and i.customer_id = ${id}`.execute(trx),
    )
    count(
      'subscriptions',
      await trx
        .updateTable('subscriptions')
        .set({
          status: 'canceled',
          canceled_at: sql`now()`,
          cancel_reason: 'requested',
          updated_at: sql`now()`,
        })
        .where('merchant_id', '=', m)
        .where('customer_id', '=', id)
        .where('status', '<>', 'canceled')
        .executeTakeFirst(),
    )
    // What earlier events and audit entries said about the person (names, emails, the profile as it was).
    const scrubbed = JSON.stringify({ object: { id, erased: true } })
    count(
      'events',
      await trx
        .updateTable('events')
        .set({ data: scrubbed })
        .where('merchant_id', '=', m)
        .where('subject_id', '=', id)
        .executeTakeFirst(),
    )
    await sql`update webhook_deliveries set payload = null
      where merchant_id = ${m} and payload is not null
        and event_id in (select e.id from events e where e.merchant_id = ${m} and e.subject_id = ${id})`.execute(
      trx,
    )
    count(
      'auditEntries',
      await trx
        .updateTable('audit_log')
        .set({ data: JSON.stringify({ redacted: true }) })
        .where('merchant_id', '=', m)
        .where('subject_type', '=', 'customer')
        .where('subject_id', '=', id)
        .executeTakeFirst(),
    )
    // A merge into another customer kept the duplicate's profile in the kept one's trail.
    await sql`update audit_log set data = data - 'duplicate'
      where merchant_id = ${m} and action = 'customer.merged' and data->>'duplicateId' = ${id}`.execute(trx)

    await recordCustomerAudit(trx, ctx, {
      action: 'customer.erased',
      customerId: id,
      data: { ...(input.reason ? { reason: input.reason } : {}), removed: counts },
    })
    if (!row.deleted_at) {
      // Webhook consumers drop the customer; the event carries no personal data.
      await recordEvent(trx, {
        merchantId: m,
        type: 'customer.deleted',
        subjectId: id,
        data: { object: { id, erased: true, deletedAt: erased.erased_at?.toISOString() ?? null } },
      })
    }
    return { id, erasedAt: erased.erased_at?.toISOString() ?? new Date().toISOString() }
  })
}
