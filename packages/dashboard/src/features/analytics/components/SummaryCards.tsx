import { formatMoneyOrDash } from '../../../format/money'
import type { AnalyticsOverview } from '../api'
import { formatRate } from '../format'

export interface SummaryCardsProps {
  overview: AnalyticsOverview
}

/** The summary cards: revenue, payments approved vs failed, customers and averages over the range. */
export function SummaryCards({ overview }: SummaryCardsProps) {
  const { totals: t, currency } = overview
  const cards: { label: string; value: string; hint?: string }[] = [
    { label: 'Revenue', value: formatMoneyOrDash(t.revenue, currency) },
    {
      label: 'Payments',
      value: String(t.payments),
      hint: t.failedPayments ? `${t.failedPayments} failed` : 'none failed',
    },
    { label: 'Average payment', value: formatMoneyOrDash(t.averagePayment, currency) },
    {
      label: 'Paying customers',
      value: String(t.payingCustomers),
      hint: `${t.newCustomers} new · ${t.returningCustomers} returning`,
    },
    {
      label: 'New customer growth',
      value: formatRate(t.newCustomerGrowthRate),
      hint: 'against the period before',
    },
    { label: 'Revenue per paying customer', value: formatMoneyOrDash(t.revenuePerPayingCustomer, currency) },
    { label: 'Repeat customers', value: formatRate(t.repeatCustomerRate), hint: '2 or more payments' },
    {
      label: 'Average rating',
      value: overview.ratings.average ? `${overview.ratings.average} / 5` : '—',
      hint: `${overview.ratings.count} ${overview.ratings.count === 1 ? 'rating' : 'ratings'} from payers`,
    },
  ]
  return (
    <section className="stats" aria-label="Summary">
      {cards.map((c) => (
        <div className="stat" key={c.label}>
          <span className="stat__label">{c.label}</span>
          <span className="stat__value">{c.value}</span>
          {c.hint ? <span className="stat__hint muted">{c.hint}</span> : null}
        </div>
      ))}
    </section>
  )
}
