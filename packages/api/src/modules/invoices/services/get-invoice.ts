import type { Executor } from '../../../context.js'
import { NotFoundError } from '../../../errors.js'
import { fiatDecimals } from '../../rates/index.js'
import { formatMinor, toMinor } from '../money.js'
import type { InvoiceDto } from '../schema.js'
import { installmentOf } from './get-installment-plan.js'
import { loadAppliedPayments, type PresentOptions, presentInvoiceSummary, selectInvoices } from './present.js'
import { presentQuote, selectQuotes } from './present-quote.js'
import { presentTaxes, totalsOfStored } from './totals.js'

/** One of the merchant's invoices with lines, taxes, payments applied, quotes and history; else a 404. */
export async function loadInvoice(
  db: Executor,
  merchantId: string,
  id: string,
  opts: PresentOptions & { now: Date },
): Promise<InvoiceDto> {
  const row = await selectInvoices(db, merchantId).where('i.id', '=', id).executeTakeFirst()
  if (!row) throw new NotFoundError('Invoice', id)
  const fd = fiatDecimals(row.currency)
  const [lines, payments, quotes, history, installment] = await Promise.all([
    db.selectFrom('invoice_lines').selectAll().where('invoice_id', '=', id).orderBy('position').execute(),
    loadAppliedPayments(db, id, opts, merchantId),
    selectQuotes(db, id).execute(),
    db.selectFrom('invoice_events').selectAll().where('invoice_id', '=', id).orderBy('id').execute(),
    installmentOf(db, row),
  ])
  const totals = totalsOfStored(lines, fd)
  const credit = payments
    .filter((p) => p.method === 'credit' && p.amount !== null)
    .reduce((sum, p) => sum + toMinor(p.amount as string, fd), 0n)
  return {
    ...presentInvoiceSummary(row, opts),
    lines: lines.map((l) => ({
      position: l.position,
      description: l.description,
      quantity: l.quantity,
      unitAmount: l.unit_amount,
      amount: formatMinor(toMinor(l.amount, fd), fd),
      taxRateId: l.tax_rate_id,
      taxName: l.tax_name,
      taxPercentage: l.tax_percentage,
    })),
    taxes: presentTaxes(totals, fd),
    creditApplied: formatMinor(credit, fd),
    accepts: row.accepts as InvoiceDto['accepts'],
    memo: row.memo,
    sentAt: row.sent_at?.toISOString() ?? null,
    paidAt: row.paid_at?.toISOString() ?? null,
    voidedAt: row.voided_at?.toISOString() ?? null,
    payments,
    quotes: quotes.map((q) => presentQuote(q, opts.now)),
    installment,
    history: history.map((h) => ({
      from: h.from_status,
      to: h.to_status,
      reason: h.reason,
      at: h.at.toISOString(),
    })),
  }
}
