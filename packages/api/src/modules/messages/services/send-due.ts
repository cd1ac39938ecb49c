import { sql } from 'kysely'
import type { Config } from '../../../config.js'
import type { CoreDeps } from '../../../context.js'
import { logger } from '../../../observability/logger.js'
import { fromAddress, mailTransport } from '../transport.js'

/** Waits after the 1st…5th failed attempt; the 6th failure marks the message failed. */
export const RETRY_BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000] as const
export const MAX_ATTEMPTS = RETRY_BACKOFF_MS.length + 1
/** How long a claim lasts: a sender killed mid-batch lets its rows go after this. */
export const LEASE_MS = 10 * 60_000
const BATCH = 200

export interface SendDueResult {
  sent: number
  retried: number
  failed: number
}

type SendDeps = Pick<CoreDeps, 'db' | 'clock'> & {
  config: Pick<Config, 'SMTP_URL' | 'MAIL_FROM' | 'MAIL_MAX_CONNECTIONS'>
}

/** The SMTP server's reply when there was one (`550 5.1.1 No such user`), else what failed. */
function replyOf(err: unknown): string {
  const e = err as { response?: unknown; message?: unknown }
  const text = typeof e.response === 'string' ? e.response : String(e.message ?? err)
  return text.slice(0, 1000)
}

/**
 * Sends every due queued message (all merchants, or one: tests and manual runs). Rows are claimed with
 * FOR UPDATE SKIP LOCKED and a lease, so parallel senders never take the same row and a killed sender's
 * claim expires. A failure waits out RETRY_BACKOFF_MS, then the message is failed with the server's reply.
 * Without SMTP_URL nothing is claimed: the Outbox shows the messages as not sent, and sends them later.
 */
export async function sendDueMessages(
  deps: SendDeps,
  opts: { merchantId?: string | undefined; maxBatches?: number } = {},
): Promise<SendDueResult> {
  const result: SendDueResult = { sent: 0, retried: 0, failed: 0 }
  const transport = mailTransport(deps.config)
  if (!transport) return result
  const from = fromAddress(deps.config.MAIL_FROM)
  for (let batch = 0; batch < (opts.maxBatches ?? Number.POSITIVE_INFINITY); batch++) {
    const now = deps.clock.now()
    const leaseUntil = new Date(now.getTime() + LEASE_MS)
    const merchantFilter = opts.merchantId ? sql`AND merchant_id = ${opts.merchantId}` : sql``
    const claimed = await sql<{
      id: string
      merchant_id: string
      to_address: string
      subject: string
      html: string
      text: string
      headers: Record<string, string>
      attempts: number
    }>`
      UPDATE messages SET lease_until = ${leaseUntil}, updated_at = ${now}
      WHERE id IN (
        SELECT id FROM messages
        WHERE status = 'queued' AND send_after <= ${now} AND (lease_until IS NULL OR lease_until < ${now}) ${merchantFilter}
        ORDER BY send_after LIMIT ${BATCH}
        FOR UPDATE SKIP LOCKED)
      RETURNING id, merchant_id, to_address, subject, html, text, headers, attempts`.execute(deps.db)
    const rows = claimed.rows
    if (rows.length === 0) break

    const merchantIds = [...new Set(rows.map((r) => r.merchant_id))]
    const senders = new Map(
      (
        await deps.db
          .selectFrom('merchants as m')
          .leftJoin('email_settings as s', 's.merchant_id', 'm.id')
          .select(['m.id', 'm.name', 's.sender_name', 's.reply_to'])
          .where('m.id', 'in', merchantIds)
          .execute()
      ).map((m) => [m.id, m]),
    )

    const sentIds: string[] = []
    const failures: { id: string; attempts: number; error: string }[] = []
    await Promise.all(
      rows.map(async (row) => {
        const sender = senders.get(row.merchant_id)
        try {
          await transport.sendMail({
            from: { name: sender?.sender_name ?? sender?.name ?? 'Coinbook', address: from },
            ...(sender?.reply_to ? { replyTo: sender.reply_to } : {}),
            to: row.to_address,
            subject: row.subject,
            html: row.html,
            text: row.text,
            headers: { ...row.headers, 'X-Coinbook-Message': row.id },
          })
          sentIds.push(row.id)
        } catch (err) {
          failures.push({ id: row.id, attempts: row.attempts + 1, error: replyOf(err) })
        }
      }),
    )

    const done = deps.clock.now()
    if (sentIds.length > 0) {
      await deps.db
        .updateTable('messages')
        .set((eb) => ({
          status: 'sent',
          sent_at: done,
          attempts: eb('attempts', '+', 1),
          last_error: null,
          lease_until: null,
          updated_at: done,
        }))
        .where('id', 'in', sentIds)
        .execute()
      result.sent += sentIds.length
    }
    for (const f of failures) {
      const final = f.attempts >= MAX_ATTEMPTS
      const wait = RETRY_BACKOFF_MS[f.attempts - 1] ?? 0
      await deps.db
        .updateTable('messages')
        .set({
          status: final ? 'failed' : 'queued',
          attempts: f.attempts,
          last_error: f.error,
          send_after: new Date(done.getTime() + wait),
          lease_until: null,
          updated_at: done,
        })
        .where('id', '=', f.id)
        .execute()
      if (final) result.failed++
      else result.retried++
    }
    if (failures.length > 0)
      logger.warn({ failures: failures.length }, 'some messages were not accepted by SMTP')
  }
  return result
}
