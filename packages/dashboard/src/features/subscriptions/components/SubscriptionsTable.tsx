import { Link } from 'react-router'
import { formatDate } from '../../../format/dates'
import { formatMoneyOrDash } from '../../../format/money'
import { useRovingRows } from '../../../ui/useRovingRows'
import type { Subscription } from '../api'
import { billingPeriodLabel } from '../labels'
import { CustomerName } from './CustomerName'
import { SubscriptionStatusBadge } from './SubscriptionStatusBadge'

export interface SubscriptionsTableProps {
  subscriptions: readonly Subscription[]
  stale?: boolean
}

/** Subscriptions as a table: one Tab stop, arrows move between rows, Enter opens the subscription. */
export function SubscriptionsTable({ subscriptions, stale = false }: SubscriptionsTableProps) {
  const { active, rowProps } = useRovingRows(subscriptions, (_, row) =>
    row.querySelector<HTMLAnchorElement>('a[data-primary]')?.click(),
  )
  return (
    <div className={`table-wrap${stale ? ' table-wrap--stale' : ''}`}>
      <table className="table" aria-label="Subscriptions" aria-busy={stale}>
        <thead>
          <tr>
            <th scope="col">Plan</th>
            <th scope="col">Customer</th>
            <th scope="col">Status</th>
            <th scope="col">Current period</th>
            <th scope="col">Next invoice</th>
            <th scope="col" className="num">
              Price
            </th>
          </tr>
        </thead>
        <tbody>
          {subscriptions.map((s, index) => (
            <tr key={s.id} className="table__row--focusable" {...rowProps(index)}>
              <td>
                <Link
                  to={`/subscriptions/${s.id}`}
                  data-primary
                  tabIndex={index === active ? 0 : -1}
                  className="cell-primary__name"
                >
                  {s.plan.name}
                </Link>
              </td>
              <td>
                <CustomerName id={s.customerId} tabIndex={-1} />
              </td>
              <td>
                <SubscriptionStatusBadge subscription={s} />
              </td>
              <td className="nowrap">
                {s.currentPeriodStart && s.currentPeriodEnd
                  ? `${formatDate(s.currentPeriodStart)} – ${formatDate(s.currentPeriodEnd)}`
                  : '—'}
              </td>
              <td className="nowrap">{s.nextInvoiceDate ? formatDate(s.nextInvoiceDate) : '—'}</td>
              <td className="num">
                {formatMoneyOrDash(s.plan.amount, s.plan.currency)}{' '}
                <span className="muted">{billingPeriodLabel(s.plan)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
