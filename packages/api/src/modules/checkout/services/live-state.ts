import type { CoreDeps } from '../../../context.js'
import type { InvoiceStatus } from '../../../db/database.js'
import { prepared } from '../../../db/prepared.js'
import {
  amountSeen,
  presentInvoiceSummary,
  presentOptionsOf,
  summaryColumns,
} from '../../invoices/services/present.js'
import type { CheckoutStateDto } from '../schema.js'
import { presentPublicPayments, publicPaymentsOf } from './checkout.js'

/** Statuses after which nothing the payer does changes the invoice: the stream ends there. */
export const FINAL_STATUSES: readonly InvoiceStatus[] = ['paid', 'overpaid', 'void']

/**
 * The live part of a checkout, in one statement (the invoice row with what is seen on chain and the
 * payments applied), so that polling it every few seconds per open page stays cheap. Unlike the checkout
 * JSON, a voided invoice still answers: the open page learns the link is no longer valid.
 */
export async function loadCheckoutState(
  deps: CoreDeps,
  invoice: { merchantId: string; id: string },
): Promise<CheckoutStateDto | null> {
  const opts = presentOptionsOf(deps)
  const row = await deps.db
    .selectFrom('invoices as i')
    .modifyFront(prepared('checkout_state'))
    .select(summaryColumns)
    .select((eb) => [amountSeen, publicPaymentsOf(deps.db, eb.ref('i.id')).as('payment_rows')])
    .where('i.merchant_id', '=', invoice.merchantId)
    .where('i.id', '=', invoice.id)
    .executeTakeFirst()
  if (!row) return null
  const summary = presentInvoiceSummary({ ...row, customer_name: null }, opts)
  return {
    status: summary.status,
    paidLate: summary.paidLate,
    currency: summary.currency,
    total: summary.total,
    amountPaid: summary.amountPaid,
    amountDue: summary.amountDue,
    amountSeen: summary.amountSeen,
    payments: presentPublicPayments(row.payment_rows, opts),
  }
}
