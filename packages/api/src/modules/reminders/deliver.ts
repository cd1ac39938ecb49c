import type { Transaction } from 'kysely'
import type { Database } from '../../db/database.js'
import { queueMessages } from '../messages/services/queue-message.js'
import type { RENEWAL_KIND, ReminderKind } from './policy.js'

/** A reminder for the mailer: rendered from the merchant's template of `kind`, deduplicated by `dedupeKey`. */
export interface ReminderMessage {
  merchantId: string
  customerId: string
  kind: ReminderKind | typeof RENEWAL_KIND
  variables: Record<string, unknown>
  dedupeKey: string
  related: { invoiceId?: string; subscriptionId?: string }
}

/**
 * Queues a batch's reminders in the run's transaction and returns each message's id, in order: the claim
 * of the (invoice, step) and its message commit together or not at all.
 */
export type QueueReminders = (
  trx: Transaction<Database>,
  messages: ReminderMessage[],
) => Promise<{ id: string | null }[]>

/** The dedupe key of an (invoice, step) or a (subscription, period) notice. */
export function reminderDedupeKey(subjectId: string, stepKey: string): string {
  return `reminder:${subjectId}:${stepKey}`
}

/** Through the mailer (modules/messages): rendered, suppressed for opted-out or address-less customers. */
export const queueReminderMessages: QueueReminders = (trx, messages) => queueMessages(trx, messages)
