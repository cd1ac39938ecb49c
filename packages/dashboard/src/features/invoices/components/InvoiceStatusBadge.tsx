import { Badge } from '../../../ui/Badge'
import type { InvoiceSummary } from '../api'
import { invoiceStatusLabel, invoiceStatusTone } from '../labels'

export interface InvoiceStatusBadgeProps {
  invoice: Pick<InvoiceSummary, 'status' | 'overdue' | 'paidLate'>
}

/** The invoice's status, with "Overdue" and "Paid late" beside it when they apply. */
export function InvoiceStatusBadge({ invoice }: InvoiceStatusBadgeProps) {
  return (
    <span className="badge-group">
      <Badge tone={invoiceStatusTone[invoice.status]}>{invoiceStatusLabel[invoice.status]}</Badge>
      {invoice.overdue ? (
        <Badge tone="danger" title="Past its due date with something still due">
          Overdue
        </Badge>
      ) : null}
      {invoice.paidLate ? (
        <Badge tone="warning" title="Paid (in part) after a quote’s rate lock expired, at the rate then">
          Paid late
        </Badge>
      ) : null}
    </span>
  )
}
