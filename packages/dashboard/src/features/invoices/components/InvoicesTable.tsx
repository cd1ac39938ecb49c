import { Link } from 'react-router'
import { formatDate } from '../../../format/dates'
import { formatMoneyOrDash } from '../../../format/money'
import { useRovingRows } from '../../../ui/useRovingRows'
import type { InvoiceSummary } from '../api'
import { InvoiceStatusBadge } from './InvoiceStatusBadge'

export interface InvoicesTableProps {
  invoices: readonly InvoiceSummary[]
  /** A newer page is loading: the rows are dimmed but stay usable. */
  stale?: boolean
  /** On a customer's profile: every row is theirs. */
  hideCustomer?: boolean
}

/** Invoices as a table: one Tab stop, arrows move between rows, Enter opens the invoice. */
export function InvoicesTable({ invoices, stale = false, hideCustomer = false }: InvoicesTableProps) {
  const { active, rowProps } = useRovingRows(invoices, (_, row) =>
    row.querySelector<HTMLAnchorElement>('a[href]')?.click(),
  )
  return (
    <div className={`table-wrap${stale ? ' table-wrap--stale' : ''}`}>
      <table className="table" aria-label="Invoices" aria-busy={stale}>
        <thead>
          <tr>
            <th scope="col">Number</th>
            {hideCustomer ? null : <th scope="col">Customer</th>}
            <th scope="col">Status</th>
            <th scope="col">Due</th>
            <th scope="col" className="num">
              Total
            </th>
            <th scope="col" className="num">
              Due now
            </th>
          </tr>
        </thead>
        <tbody>
          {invoices.map((inv, index) => (
            <tr key={inv.id} className="table__row--focusable" {...rowProps(index)}>
              <td className="nowrap">
                <Link
                  to={`/invoices/${inv.id}`}
                  tabIndex={index === active ? 0 : -1}
                  className="cell-primary__name"
                >
                  {inv.number}
                </Link>
              </td>
              {hideCustomer ? null : (
                <td>{inv.customerName ?? <span className="muted">Deleted customer</span>}</td>
              )}
              <td>
                <InvoiceStatusBadge invoice={inv} />
              </td>
              <td className="nowrap">
                <time dateTime={inv.dueDate}>{formatDate(inv.dueDate)}</time>
              </td>
              <td className="num strong">{formatMoneyOrDash(inv.total, inv.currency)}</td>
              <td className="num">{formatMoneyOrDash(inv.amountDue, inv.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
