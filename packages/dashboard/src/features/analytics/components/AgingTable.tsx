import { formatMoneyOrDash } from '../../../format/money'
import type { AnalyticsAging } from '../api'
import { formatDays } from '../format'

export interface AgingTableProps {
  aging: AnalyticsAging
}

const bucketLabel: Record<AnalyticsAging['buckets'][number]['bucket'], string> = {
  current: 'Not yet due',
  '1-30': '1–30 days late',
  '31-60': '31–60 days late',
  '61-90': '61–90 days late',
  '90+': 'Over 90 days late',
}

/** What customers still owe on sent invoices, by how late it is, per currency. */
export function AgingTable({ aging }: AgingTableProps) {
  const currencies = [...new Set(aging.buckets.map((b) => b.currency))]
  return (
    <div className="stack">
      <p>
        Average time to pay (invoices paid in the range):{' '}
        <strong>{formatDays(aging.averageDaysToPay)}</strong>
        {aging.invoicesPaid ? (
          <span className="muted">
            {' '}
            over {aging.invoicesPaid} {aging.invoicesPaid === 1 ? 'invoice' : 'invoices'}
          </span>
        ) : null}
      </p>
      {currencies.length === 0 ? (
        <p className="muted">Nothing is owed on sent invoices.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Age</th>
              {currencies.map((c) => (
                <th scope="col" className="num" key={c}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Object.entries(bucketLabel).map(([bucket, label]) => (
              <tr key={bucket}>
                <th scope="row">{label}</th>
                {currencies.map((currency) => {
                  const b = aging.buckets.find((x) => x.currency === currency && x.bucket === bucket)
                  return (
                    <td className="num" key={currency}>
                      {formatMoneyOrDash(b?.amountDue ?? '0', currency)}
                      {b?.invoices ? <span className="muted"> ({b.invoices})</span> : null}
                    </td>
                  )
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
