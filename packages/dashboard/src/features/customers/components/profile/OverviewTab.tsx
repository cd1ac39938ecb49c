import { coinLabel } from '../../../../chains/coins'
import { countryName } from '../../../../format/countries'
import { formatDate, formatDateTime } from '../../../../format/dates'
import { formatMoneyOrDash } from '../../../../format/money'
import type { CustomerMetrics } from '../../../analytics/api'
import { CustomerMetricsCards } from '../../../analytics/components/CustomerMetricsCards'
import { useCurrentMe, useReportingCurrency } from '../../../auth/hooks/useMe'
import { CustomerRemindersSection } from '../../../reminders/components/CustomerRemindersSection'
import type { CustomerDto } from '../../api'
import { paymentTermsLabel, typeLabel } from '../../labels'
import { TagList } from '../CustomerBadges'
import { CustomerTimeline } from './CustomerTimeline'
import { DetailList } from './DetailList'

export interface OverviewTabProps {
  /** With its metrics when it came from GET /customers/{id}. */
  customer: CustomerDto & { metrics?: CustomerMetrics | undefined }
}

function customFieldText(value: string | number | boolean | null): string {
  if (value === null) return '—'
  if (typeof value === 'boolean') return value ? 'Yes' : 'No'
  return String(value)
}

export function OverviewTab({ customer: c }: OverviewTabProps) {
  const currency = useReportingCurrency()
  const limitsCurrency = c.preferredFiat ?? currency
  const customFields = Object.entries(c.customFields ?? {})
  const canWrite = useCurrentMe().role !== 'viewer'
  return (
    <div className="overview">
      <div className="stats">
        <div className="stat">
          <span className="stat__label">Lifetime value</span>
          <span className="stat__value">{formatMoneyOrDash(c.lifetimeValue, currency)}</span>
        </div>
        <div className="stat">
          <span className="stat__label">Payments</span>
          <span className="stat__value">{c.paymentCount}</span>
        </div>
        <div className="stat">
          <span className="stat__label">Last payment</span>
          <span className="stat__value stat__value--small">
            {c.lastPaymentAt ? formatDateTime(c.lastPaymentAt) : 'None yet'}
          </span>
        </div>
        <div className="stat">
          <span className="stat__label">Customer since</span>
          <span className="stat__value stat__value--small">{formatDate(c.registrationDate)}</span>
        </div>
      </div>
      {c.metrics ? <CustomerMetricsCards metrics={c.metrics} /> : null}
      <CustomerTimeline customerId={c.id} />
      <div className="overview__grid">
        <section className="card">
          <h2 className="card__title">Details</h2>
          <DetailList
            items={[
              { label: 'Email', value: c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : null },
              {
                label: 'Phone',
                value: c.phone ? <a href={`tel:${c.phone.replace(/[^\d+]/g, '')}`}>{c.phone}</a> : null,
              },
              { label: 'Type', value: typeLabel[c.type] },
              { label: 'Company', value: c.company },
              { label: 'Job title', value: c.jobTitle },
              { label: 'Country', value: c.country ? countryName(c.country) : null },
              { label: 'Time zone', value: c.timezone },
              { label: 'Tax ID', value: c.taxId },
              { label: 'VAT number', value: c.vatNumber },
              { label: 'Custom ID', value: c.customId },
              { label: 'Tags', value: c.tags.length ? <TagList tags={c.tags} /> : null },
              { label: 'Source', value: c.source },
              { label: 'Created', value: formatDateTime(c.createdAt) },
            ]}
          />
        </section>
        <div className="stack">
          <section className="card">
            <h2 className="card__title">Payment preferences</h2>
            <DetailList
              items={[
                { label: 'Preferred fiat', value: c.preferredFiat },
                {
                  label: 'Payment terms',
                  value: c.paymentTermsDays === null ? null : paymentTermsLabel(c.paymentTermsDays),
                },
                {
                  label: 'Largest payment',
                  value: c.paymentLimits?.perPaymentMax
                    ? formatMoneyOrDash(c.paymentLimits.perPaymentMax, limitsCurrency)
                    : null,
                },
                {
                  label: 'Monthly limit',
                  value: c.paymentLimits?.monthlyMax
                    ? formatMoneyOrDash(c.paymentLimits.monthlyMax, limitsCurrency)
                    : null,
                },
              ]}
            />
            <h3 className="card__subtitle">Preferred coins</h3>
            {c.preferredCoins.length ? (
              <ol className="coin-list coin-list--readonly">
                {c.preferredCoins.map((coin, i) => (
                  <li key={`${coin.asset}/${coin.network}`} className="coin-list__item">
                    <span className="coin-list__rank">{i + 1}</span>
                    <span className="coin-list__label">{coinLabel(coin)}</span>
                    {i === 0 ? <span className="badge badge--info">Default</span> : null}
                  </li>
                ))}
              </ol>
            ) : (
              <p className="muted">No preference: any accepted coin.</p>
            )}
          </section>
          {customFields.length ? (
            <section className="card">
              <h2 className="card__title">Custom fields</h2>
              <DetailList items={customFields.map(([k, v]) => ({ label: k, value: customFieldText(v) }))} />
            </section>
          ) : null}
          <CustomerRemindersSection customerId={c.id} canWrite={canWrite} />
        </div>
      </div>
    </div>
  )
}
