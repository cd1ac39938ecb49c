import { sql, type Transaction } from 'kysely'
import type { Database } from '../../../db/database.js'

export interface SendRow {
  id: string
  merchantId: string
  invoiceId: string | null
  subscriptionId: string | null
  stepKey: string
  kind: string
  status: 'sent' | 'skipped'
  dueAt: Date
}

/**
 * Claims decided steps in reminder_sends (`on conflict do nothing`: a step another run or an earlier attempt
 * already decided is not claimed again), queues a message for each claimed "sent" row through `queue`, and
 * keeps the message's id on its row — all in the caller's transaction.
 */
export async function recordSends(
  trx: Transaction<Database>,
  rows: SendRow[],
  queue: (rows: SendRow[]) => Promise<{ id: string | null }[]>,
): Promise<{ sent: number; skipped: number }> {
  if (rows.length === 0) return { sent: 0, skipped: 0 }
  const col = <T>(f: (r: SendRow) => T) => rows.map(f)
  const claimed = await sql<{ id: string }>`
    insert into reminder_sends (id, merchant_id, invoice_id, subscription_id, step_key, kind, status, due_at)
    select * from unnest(${col((r) => r.id)}::uuid[], ${col((r) => r.merchantId)}::uuid[],
      ${col((r) => r.invoiceId)}::uuid[], ${col((r) => r.subscriptionId)}::uuid[],
      ${col((r) => r.stepKey)}::text[], ${col((r) => r.kind)}::text[], ${col((r) => r.status)}::text[],
      ${col((r) => r.dueAt.toISOString())}::timestamptz[])
    on conflict do nothing
    returning id`.execute(trx)
  const mine = new Set(claimed.rows.map((r) => r.id))
  const won = rows.filter((r) => mine.has(r.id))
  const toSend = won.filter((r) => r.status === 'sent')
  const queued = toSend.length > 0 ? await queue(toSend) : []
  const messages = toSend.flatMap((row, i) => {
    const messageId = queued[i]?.id
    return messageId ? [{ id: row.id, messageId }] : []
  })
  if (messages.length > 0)
    await sql`update reminder_sends r set message_id = v.message_id
      from unnest(${messages.map((m) => m.id)}::uuid[], ${messages.map((m) => m.messageId)}::uuid[])
        as v(id, message_id)
      where r.id = v.id`.execute(trx)
  return { sent: toSend.length, skipped: won.length - toSend.length }
}
