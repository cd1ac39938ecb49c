import { sql, type Transaction } from 'kysely'
import type { Database, InvoiceStatus } from '../../../db/database.js'
import { newId } from '../../../db/ids.js'
import { refreshInvoiceMetrics, utcDay } from '../../analytics/metrics.js'
import { recordEvent } from '../../events/services/record-event.js'
import { fiatDecimals } from '../../rates/index.js'
import { formatMinor, percentOfFloor, toMinor } from '../money.js'
import { invoiceEventObject, invoiceEventType } from './event-data.js'
import { underpaymentTolerance } from './settings.js'

/**
 * An invoice's status from what counts toward it: nothing yet → open, less than the total (beyond the
 * tolerance) → partially_paid, the total → paid, more → overpaid. Draft and void are set by hand.
 */
export function deriveStatus(
  current: InvoiceStatus,
  counted: bigint,
  total: bigint,
  tolerance: bigint,
): InvoiceStatus {
  if (current === 'draft' || current === 'void') return current
  if (counted <= 0n) return 'open'
  if (counted > total) return 'overpaid'
  if (counted >= total - tolerance) return 'paid'
  return 'partially_paid'
}

/**
 * Brings an invoice in line with what is applied to it, in the caller's transaction: what counts (on-chain
 * payments while confirmed, off-chain payments, credit), its status and history, the paid-late flag,
 * and the customer's credit from its excess (an overpayment, or everything paid on a voided invoice).
 * Idempotent: a second call with nothing new changes nothing, and a reversal (reorg) gives back exactly
 * what the payment had added.
 */
export async function syncInvoice(
  trx: Transaction<Database>,
  invoiceId: string,
  opts: { at: Date; reason: string },
): Promise<void> {
  const invoice = await trx
    .selectFrom('invoices')
    .selectAll()
    .where('id', '=', invoiceId)
    .forUpdate()
    .executeTakeFirstOrThrow()
  const fd = fiatDecimals(invoice.currency)
  const applied = await trx
    .selectFrom('invoice_payments as ip')
    .leftJoin('payments as p', 'p.id', 'ip.payment_id')
    .select(['ip.method', 'ip.amount', 'ip.late', 'p.status as payment_status'])
    .where('ip.invoice_id', '=', invoiceId)
    .execute()
  let counted = 0n
  let late = false
  for (const a of applied) {
    const counts = a.method !== 'onchain' || a.payment_status === 'confirmed'
    if (!counts || a.amount === null) continue
    counted += toMinor(a.amount, fd)
    if (a.method === 'onchain' && a.late) late = true
  }
  const total = toMinor(invoice.total, fd)
  const tolerance = percentOfFloor(total, await underpaymentTolerance(trx, invoice.merchant_id))
  const status = deriveStatus(invoice.status, counted, total, tolerance)

  const excess = status === 'void' ? counted : counted > total ? counted - total : 0n
  const credited = await trx
    .selectFrom('customer_credit_entries')
    .select(sql<string>`coalesce(sum(amount), 0)`.as('sum'))
    .where('invoice_id', '=', invoiceId)
    .where('kind', '=', 'excess')
    .executeTakeFirstOrThrow()
  const delta = excess - toMinor(credited.sum, fd)
  if (delta !== 0n) {
    await trx
      .insertInto('customer_credit_entries')
      .values({
        id: newId(),
        merchant_id: invoice.merchant_id,
        customer_id: invoice.customer_id,
        currency: invoice.currency,
        amount: formatMinor(delta, fd),
        kind: 'excess',
        invoice_id: invoiceId,
        created_at: opts.at,
      })
      .execute()
  }

  const paid = status === 'paid' || status === 'overpaid'
  const paidAt = paid ? (invoice.paid_at ?? opts.at) : null
  const amountPaid = formatMinor(counted, fd)
  if (
    status === invoice.status &&
    amountPaid === formatMinor(toMinor(invoice.amount_paid, fd), fd) &&
    late === invoice.paid_late &&
    (paidAt?.getTime() ?? null) === (invoice.paid_at?.getTime() ?? null)
  ) {
    // Voiding sets the status before it syncs, and time makes an invoice overdue: the metrics follow anyway.
    await refreshInvoiceMetrics(trx, invoice.customer_id, utcDay(opts.at))
    return
  }
  await trx
    .updateTable('invoices')
    .set({ status, amount_paid: amountPaid, paid_late: late, paid_at: paidAt, updated_at: opts.at })
    .where('id', '=', invoiceId)
    .execute()
  await refreshInvoiceMetrics(trx, invoice.customer_id, utcDay(opts.at))
  if (status !== invoice.status) {
    await trx
      .insertInto('invoice_events')
      .values({
        id: newId(),
        invoice_id: invoiceId,
        from_status: invoice.status,
        to_status: status,
        reason: opts.reason,
        at: opts.at,
      })
      .execute()
    const type = invoiceEventType(invoice.status, status)
    if (type) {
      await recordEvent(trx, {
        merchantId: invoice.merchant_id,
        type,
        subjectId: invoiceId,
        at: opts.at,
        data: {
          object: invoiceEventObject({ ...invoice, status, amount_paid: amountPaid, paid_at: paidAt }),
          previousStatus: invoice.status,
        },
      })
    }
  }
}
