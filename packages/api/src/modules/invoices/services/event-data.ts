import type { Selectable } from 'kysely'
import type { InvoiceStatus, InvoicesTable } from '../../../db/database.js'
import type { EventType } from '../../events/types.js'

type InvoiceEventSource = Pick<
  Selectable<InvoicesTable>,
  | 'id'
  | 'number'
  | 'customer_id'
  | 'status'
  | 'currency'
  | 'total'
  | 'amount_paid'
  | 'issue_date'
  | 'due_date'
  | 'sent_at'
  | 'paid_at'
  | 'voided_at'
>

/** An invoice as events (webhooks, the mailer) carry it: fiat amounts as exact decimal strings. */
export function invoiceEventObject(row: InvoiceEventSource) {
  return {
    id: row.id,
    number: row.number,
    customerId: row.customer_id,
    status: row.status,
    currency: row.currency.trim(),
    total: row.total,
    amountPaid: row.amount_paid,
    issueDate: row.issue_date,
    dueDate: row.due_date,
    sentAt: row.sent_at?.toISOString() ?? null,
    paidAt: row.paid_at?.toISOString() ?? null,
    voidedAt: row.voided_at?.toISOString() ?? null,
  }
}

/**
 * The event an invoice's move between statuses records, if any: created (→ draft), sent (draft → open),
 * partially_paid / paid / overpaid, voided. Going back to open (a reorg took a payment) records none.
 */
export function invoiceEventType(from: InvoiceStatus | null, to: InvoiceStatus): EventType | undefined {
  if (from === to) return undefined
  switch (to) {
    case 'draft':
      return from === null ? 'invoice.created' : undefined
    case 'open':
      return from === 'draft' ? 'invoice.sent' : undefined
    case 'partially_paid':
      return 'invoice.partially_paid'
    case 'paid':
      return 'invoice.paid'
    case 'overpaid':
      return 'invoice.overpaid'
    case 'void':
      return 'invoice.voided'
    default:
      return undefined
  }
}
