import type { CoreDeps } from '../../../context.js'
import type { InvoiceStatus } from '../../../db/database.js'
import {
  loadAppliedPayments,
  presentInvoiceSummary,
  presentOptionsOf,
  selectInvoices,
} from '../../invoices/services/present.js'
import type { CheckoutStateDto } from '../schema.js'
import { publicPayments } from './checkout.js'

/** Statuses after which nothing the payer does changes the invoice: the stream ends there. */
export const FINAL_STATUSES: readonly InvoiceStatus[] = ['paid', 'overpaid', 'void']

/**
 * The live part of a checkout, in two queries (the invoice row with what is seen on chain, and the
 * payments applied) so that polling it every few seconds per open page stays cheap. Unlike the checkout
 * JSON, a voided invoice still answers: the open page learns the link is no longer valid.
 */
export async function loadCheckoutState(
  deps: CoreDeps,
  invoice: { merchantId: string; id: string },
): Promise<CheckoutStateDto | null> {
  const opts = presentOptionsOf(deps)
  const row = await selectInvoices(deps.db, invoice.merchantId)
    .where('i.id', '=', invoice.id)
    .executeTakeFirst()
  if (!row) return null
  const summary = presentInvoiceSummary(row, opts)
  const payments = await loadAppliedPayments(deps.db, invoice.id, opts)
  return {
    status: summary.status,
    paidLate: summary.paidLate,
    currency: summary.currency,
    total: summary.total,
    amountPaid: summary.amountPaid,
    amountDue: summary.amountDue,
    amountSeen: summary.amountSeen,
    payments: publicPayments(payments),
  }
}
