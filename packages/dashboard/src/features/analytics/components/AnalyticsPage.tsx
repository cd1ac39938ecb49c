import { lazy, Suspense } from 'react'
import { ErrorAlert } from '../../../ui/Alert'
import { DocumentTitle } from '../../../ui/DocumentTitle'
import { PageHeader } from '../../../ui/PageHeader'
import { Spinner } from '../../../ui/Spinner'
import { useAnalyticsReport } from '../hooks/queries'
import { useAnalyticsParams } from '../hooks/useAnalyticsParams'
import { AgingTable } from './AgingTable'
import { AnalyticsFilters } from './AnalyticsFilters'
import { CohortTable } from './CohortTable'
import { CoinMixTable } from './CoinMixTable'
import { CountryTable } from './CountryTable'
import { SummaryCards } from './SummaryCards'

// recharts is large: its chunk loads only when this page draws its charts.
const AnalyticsCharts = lazy(() => import('./AnalyticsCharts'))

/** /analytics — who pays, how much and how fast, over a date range and filters kept in the URL. */
export function AnalyticsPage() {
  const { params, set } = useAnalyticsParams()
  const overview = useAnalyticsReport('overview', params)
  const revenue = useAnalyticsReport('revenue', params)
  const cohorts = useAnalyticsReport('cohorts', params)
  const aging = useAnalyticsReport('aging', params)
  const error = overview.error ?? revenue.error ?? cohorts.error ?? aging.error
  return (
    <>
      <DocumentTitle title="Analytics" />
      <PageHeader
        title="Analytics"
        description="Revenue, payments, customers and receivables over a range. Amounts are in your reporting currency, valued when each payment arrived; days are UTC."
      />
      <section className="card" aria-label="Range and filters">
        <AnalyticsFilters params={params} onChange={set} />
      </section>
      {error ? (
        <ErrorAlert
          error={error}
          title="The figures could not be loaded"
          onRetry={() => {
            void overview.refetch()
            void revenue.refetch()
            void cohorts.refetch()
            void aging.refetch()
          }}
        />
      ) : null}
      {overview.data ? <SummaryCards overview={overview.data} /> : overview.isPending ? <Spinner /> : null}
      {revenue.data ? (
        <Suspense fallback={<Spinner label="Loading charts" />}>
          <AnalyticsCharts revenue={revenue.data} />
        </Suspense>
      ) : null}
      <div className="overview__grid">
        <section className="card" aria-labelledby="coins-title">
          <h2 className="card__title" id="coins-title">
            Coin mix
          </h2>
          {overview.data ? (
            <CoinMixTable coins={overview.data.coinMix} currency={overview.data.currency} />
          ) : null}
        </section>
        <section className="card" aria-labelledby="countries-title">
          <h2 className="card__title" id="countries-title">
            By country
          </h2>
          {overview.data ? (
            <CountryTable countries={overview.data.byCountry} currency={overview.data.currency} />
          ) : null}
        </section>
      </div>
      <section className="card" aria-labelledby="cohorts-title">
        <h2 className="card__title" id="cohorts-title">
          Retention by month of first payment
        </h2>
        {cohorts.data ? (
          <>
            <CohortTable cohorts={cohorts.data.cohorts} />
            <p className="muted">
              Churned customers (2 or more payments, then none for 90 days or 3 × their usual interval):{' '}
              <strong>{cohorts.data.churn.churnedCustomers}</strong>
            </p>
          </>
        ) : null}
      </section>
      <section className="card" aria-labelledby="aging-title">
        <h2 className="card__title" id="aging-title">
          Receivables aging
        </h2>
        {aging.data ? <AgingTable aging={aging.data} /> : null}
      </section>
    </>
  )
}
