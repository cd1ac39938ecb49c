import type { Executor } from '../../../context.js'
import { newId } from '../../../db/ids.js'
import { formatMinor } from '../money.js'
import type { Totals } from './totals.js'

/** Writes an invoice's priced lines, in order, with the tax each carries (none for a tax-exempt customer). */
export async function insertInvoiceLines(db: Executor, invoiceId: string, totals: Totals, fd: number) {
  await db
    .insertInto('invoice_lines')
    .values(
      totals.lines.map((l, position) => ({
        id: newId(),
        invoice_id: invoiceId,
        position,
        description: l.description,
        quantity: l.quantity,
        unit_amount: l.unitAmount,
        amount: formatMinor(l.amount, fd),
        tax_rate_id: l.tax?.id ?? null,
        tax_name: l.tax?.name ?? null,
        tax_percentage: l.tax?.percentage ?? null,
      })),
    )
    .execute()
}
