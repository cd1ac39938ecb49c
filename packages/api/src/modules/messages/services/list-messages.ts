import type { Selectable } from 'kysely'
import type { ServiceContext } from '../../../context.js'
import type { MessagesTable } from '../../../db/database.js'
import { NotFoundError } from '../../../errors.js'
import type { MessageKind } from '../kinds.js'
import type { ListMessagesInput, MessageDetailDto, MessageDto } from '../schema.js'

export const NO_SMTP = 'not sent: no SMTP configured'

export interface PresentOptions {
  /** SMTP_URL is set: a queued message is waiting for the sender, not stuck. */
  smtpConfigured: boolean
}

const iso = (d: Date | null) => (d ? d.toISOString() : null)

export function presentMessage(row: Selectable<MessagesTable>, opts: PresentOptions): MessageDto {
  return {
    id: row.id,
    customerId: row.customer_id,
    kind: row.kind as MessageKind,
    channel: 'email',
    to: row.to_address,
    subject: row.subject,
    status: row.status,
    suppressedReason: row.suppressed_reason,
    notSentReason: row.status === 'queued' && !opts.smtpConfigured ? NO_SMTP : null,
    attempts: row.attempts,
    lastError: row.last_error,
    invoiceId: row.invoice_id,
    paymentId: row.payment_id,
    subscriptionId: row.subscription_id,
    resentFromId: row.resent_from_id,
    sendAfter: row.send_after.toISOString(),
    createdAt: row.created_at.toISOString(),
    sentAt: iso(row.sent_at),
    updatedAt: row.updated_at.toISOString(),
  }
}

/** The merchant's communication log, newest first (UUIDv7 ids: id order is time order); keyset pages. */
export async function listMessages({
  ctx,
  input,
  opts,
}: {
  ctx: ServiceContext
  input: ListMessagesInput
  opts: PresentOptions
}) {
  let q = ctx.db.selectFrom('messages').selectAll().where('merchant_id', '=', ctx.merchantId)
  if (input.customerId) q = q.where('customer_id', '=', input.customerId)
  if (input.kind) q = q.where('kind', '=', input.kind)
  if (input.status) q = q.where('status', '=', input.status)
  if (input.cursor) q = q.where('id', '<', input.cursor)
  const rows = await q
    .orderBy('id', 'desc')
    .limit(input.limit + 1)
    .execute()
  const page = rows.slice(0, input.limit)
  return {
    data: page.map((r) => presentMessage(r, opts)),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  }
}

export async function loadMessage(ctx: ServiceContext, id: string) {
  const row = await ctx.db
    .selectFrom('messages')
    .selectAll()
    .where('merchant_id', '=', ctx.merchantId)
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) throw new NotFoundError('Message', id)
  return row
}

/** One message with its rendered body, as it was (or will be) sent. */
export async function getMessage({
  ctx,
  id,
  opts,
}: {
  ctx: ServiceContext
  id: string
  opts: PresentOptions
}): Promise<MessageDetailDto> {
  const row = await loadMessage(ctx, id)
  return { ...presentMessage(row, opts), html: row.html, text: row.text, headers: row.headers }
}
