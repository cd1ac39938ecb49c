import { coinLabel } from '../../../chains/coins'
import { formatDateTime } from '../../../format/dates'
import { formatMoneyOrDash } from '../../../format/money'
import type { CustomerMetrics } from '../api'
import { formatChange, formatDays, formatRate } from '../format'
import { Sparkline } from './Sparkline'

export interface CustomerMetricsCardsProps {
  metrics: CustomerMetrics
}

/** The customer's figures on their profile: value, reliability, speed, recency, trend and coin mix. */
export function CustomerMetricsCards({ metrics: m }: CustomerMetricsCardsProps) {
  const months = m.monthly.map((x) => Number(x.revenue))
  return (
    <section className="card" aria-labelledby="metrics-title">
      <h2 className="card__title" id="metrics-title">
        Payment behaviour
      </h2>
      <div className="stats">
        <div className="stat">
          <span className="stat__label">Lifetime value</span>
          <span className="stat__value">{formatMoneyOrDash(m.lifetimeValue, m.currency)}</span>
          <span className="stat__hint muted">
            {m.paymentCount} {m.paymentCount === 1 ? 'payment' : 'payments'}
          </span>
        </div>
        <div className="stat">
          <span className="stat__label">Success rate</span>
          <span className="stat__value">{formatRate(m.successRate)}</span>
          <span className="stat__hint muted">
            {m.invoicesSettled
              ? `${m.invoicesPaid} of ${m.invoicesSettled} invoices paid`
              : 'no invoices due yet'}
          </span>
        </div>
        <div className="stat">
          <span className="stat__label">Average time to pay</span>
          <span className="stat__value">{formatDays(m.avgDaysToPay)}</span>
          <span className="stat__hint muted">on time: {formatRate(m.onTimeRate)}</span>
        </div>
        <div className="stat">
          <span className="stat__label">Last payment</span>
          <span className="stat__value stat__value--small">
            {m.lastPaymentAt ? formatDateTime(m.lastPaymentAt) : 'None yet'}
          </span>
          {m.churned ? <span className="badge badge--warning">Churned</span> : null}
        </div>
        <div className="stat">
          <span className="stat__label">Last 30 days</span>
          <span className="stat__value">{formatMoneyOrDash(m.trend.last30Days.revenue, m.currency)}</span>
          <span className="stat__hint muted">{formatChange(m.trend.change)} vs the 30 days before</span>
          <Sparkline values={months} label="Revenue over the last 12 months" />
        </div>
      </div>
      <h3 className="card__subtitle">Coin mix</h3>
      {m.coinMix.length ? (
        <ul className="coin-mix">
          {m.coinMix.map((c) => (
            <li key={`${c.asset}/${c.network}`}>
              <strong>{coinLabel(c)}</strong>: {c.payments} {c.payments === 1 ? 'payment' : 'payments'},{' '}
              {formatMoneyOrDash(c.value, m.currency)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No confirmed payments yet.</p>
      )}
    </section>
  )
}
