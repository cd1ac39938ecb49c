import type { Insertable, Transaction } from 'kysely'
import type { Database, MessagesTable } from '../../../db/database.js'
import { newId } from '../../../db/ids.js'
import { isTransactional, type MessageKind } from '../kinds.js'
import { signingKey, unsubscribeUrl } from '../links.js'
import { renderEmail } from '../templates/render.js'
import { loadTemplates } from './templates.js'

export interface QueueMessageInput {
  merchantId: string
  customerId: string | null
  kind: MessageKind
  /** Defaults to the customer's email. */
  to?: string
  /** `{ invoice: {...}, payLink, payment: {...} }`; customer.* and merchant.* are filled in when absent. */
  variables: Record<string, unknown>
  /** A second message with the same key (per merchant) is not queued: the first is returned. */
  dedupeKey?: string
  related?: { invoiceId?: string; paymentId?: string; subscriptionId?: string }
  sendAfter?: Date
}

export interface QueuedMessage {
  id: string
  status: 'queued' | 'suppressed'
  /** False when a message with the same dedupeKey already existed. */
  created: boolean
}

/** Rows per insert: 19 parameters each. */
const CHUNK = 500

/**
 * Renders and queues messages in the caller's transaction, set-wise (one query per table per batch, so a
 * billing run's thousands of events stay cheap). A message that must not go — no address, the customer
 * deleted, or unsubscribed from this (non-transactional) kind — is kept as `suppressed` with the reason.
 */
export async function queueMessages(
  trx: Transaction<Database>,
  inputs: readonly QueueMessageInput[],
): Promise<QueuedMessage[]> {
  if (inputs.length === 0) return []
  const results: (QueuedMessage | undefined)[] = new Array(inputs.length)
  const byMerchant = new Map<string, number[]>()
  inputs.forEach((input, i) => {
    const list = byMerchant.get(input.merchantId) ?? []
    list.push(i)
    byMerchant.set(input.merchantId, list)
  })
  const key = await signingKey(trx)

  for (const [merchantId, indexes] of byMerchant) {
    const merchant = await trx
      .selectFrom('merchants')
      .select('name')
      .where('id', '=', merchantId)
      .executeTakeFirstOrThrow()
    const batch = indexes.map((i) => inputs[i] as QueueMessageInput)
    const templates = await loadTemplates(
      trx,
      merchantId,
      batch.map((b) => b.kind),
    )
    const customerIds = [...new Set(batch.flatMap((b) => (b.customerId ? [b.customerId] : [])))]
    const customers = new Map(
      (customerIds.length
        ? await trx
            .selectFrom('customers')
            .select(['id', 'name', 'email', 'deleted_at'])
            .where('merchant_id', '=', merchantId)
            .where('id', 'in', customerIds)
            .execute()
        : []
      ).map((c) => [c.id, c]),
    )
    const optOuts = new Set(
      (customerIds.length
        ? await trx
            .selectFrom('message_opt_outs')
            .select(['customer_id', 'kind'])
            .where('merchant_id', '=', merchantId)
            .where('customer_id', 'in', customerIds)
            .execute()
        : []
      ).map((o) => `${o.customer_id}:${o.kind}`),
    )

    const rows: Insertable<MessagesTable>[] = []
    const rowIndex: number[] = []
    const duplicates: [at: number, firstAt: number][] = []
    const seenKeys = new Map<string, number>()
    for (let j = 0; j < batch.length; j++) {
      const input = batch[j] as QueueMessageInput
      const at = indexes[j] as number
      if (input.dedupeKey !== undefined) {
        // The same key twice in one batch: the second is the first (as ON CONFLICT would have it).
        const first = seenKeys.get(input.dedupeKey)
        if (first !== undefined) {
          duplicates.push([at, first])
          continue
        }
        seenKeys.set(input.dedupeKey, at)
      }
      const customer = input.customerId ? customers.get(input.customerId) : undefined
      const to = input.to ?? customer?.email ?? null
      let suppressed: string | null = null
      if (input.customerId && (!customer || customer.deleted_at)) suppressed = 'the customer was deleted'
      else if (!to) suppressed = 'no email address'
      else if (
        input.customerId &&
        !isTransactional(input.kind) &&
        optOuts.has(`${input.customerId}:${input.kind}`)
      )
        suppressed = `the customer unsubscribed from ${input.kind.replace(/_/g, ' ')} emails`
      const variables = {
        ...input.variables,
        customer: { name: customer?.name ?? '', email: to ?? '', ...asObject(input.variables.customer) },
        merchant: { name: merchant.name, ...asObject(input.variables.merchant) },
      }
      const unsubscribe =
        input.customerId && !isTransactional(input.kind)
          ? unsubscribeUrl(key, input.customerId, input.kind)
          : undefined
      const template = templates.get(input.kind)
      if (!template) throw new Error(`no template for ${input.kind}`)
      const email = await renderEmail({
        kind: input.kind,
        template,
        variables,
        merchantName: merchant.name,
        unsubscribeUrl: unsubscribe,
      })
      rows.push({
        id: newId(),
        merchant_id: merchantId,
        customer_id: input.customerId,
        kind: input.kind,
        channel: 'email',
        to_address: to,
        subject: email.subject,
        html: email.html,
        text: email.text,
        headers: JSON.stringify(
          unsubscribe
            ? {
                'List-Unsubscribe': `<${unsubscribe}>`,
                'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
              }
            : {},
        ),
        status: suppressed ? 'suppressed' : 'queued',
        suppressed_reason: suppressed,
        dedupe_key: input.dedupeKey ?? null,
        invoice_id: input.related?.invoiceId ?? null,
        payment_id: input.related?.paymentId ?? null,
        subscription_id: input.related?.subscriptionId ?? null,
        send_after: input.sendAfter ?? new Date(),
      })
      rowIndex.push(at)
    }

    const inserted = new Map<string, { id: string; status: string }>()
    for (let i = 0; i < rows.length; i += CHUNK) {
      const got = await trx
        .insertInto('messages')
        .values(rows.slice(i, i + CHUNK))
        .onConflict((oc) => oc.columns(['merchant_id', 'dedupe_key']).doNothing())
        .returning(['id', 'status'])
        .execute()
      for (const r of got) inserted.set(r.id, r)
    }
    const missingKeys = rows.filter((r) => !inserted.has(r.id as string)).map((r) => r.dedupe_key as string)
    const existing = new Map(
      (missingKeys.length
        ? await trx
            .selectFrom('messages')
            .select(['id', 'status', 'dedupe_key'])
            .where('merchant_id', '=', merchantId)
            .where('dedupe_key', 'in', missingKeys)
            .execute()
        : []
      ).map((r) => [r.dedupe_key as string, r]),
    )
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r] as Insertable<MessagesTable>
      const at = rowIndex[r] as number
      const mine = inserted.get(row.id as string)
      const found = mine ?? existing.get(row.dedupe_key as string)
      if (!found) throw new Error(`message ${row.dedupe_key} neither inserted nor found`)
      results[at] = {
        id: found.id,
        status: found.status === 'suppressed' ? 'suppressed' : 'queued',
        created: Boolean(mine),
      }
    }
    for (const [at, firstAt] of duplicates)
      results[at] = { ...(results[firstAt] as QueuedMessage), created: false }
  }
  return results as QueuedMessage[]
}

function asObject(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {}
}

/**
 * Renders the merchant's template for `kind` and queues one message in the caller's transaction; see
 * queueMessages. Same dedupeKey twice: the existing message, `created: false`.
 */
export async function queueMessage(
  trx: Transaction<Database>,
  input: QueueMessageInput,
): Promise<QueuedMessage> {
  const [result] = await queueMessages(trx, [input])
  return result as QueuedMessage
}
