import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { type RecordedRequest, renderWithApp, stubApi } from '../../../test/api'
import type { AnalyticsAging, AnalyticsCohorts, AnalyticsOverview, AnalyticsRevenue } from '../api'
import { AnalyticsPage } from './AnalyticsPage'

const range = { from: '2026-01-01', to: '2026-03-31', currency: 'USD' }
const overview: AnalyticsOverview = {
  ...range,
  totals: {
    revenue: '300.5',
    payments: 5,
    failedPayments: 1,
    averagePayment: '60.10',
    payingCustomers: 2,
    newCustomers: 2,
    returningCustomers: 0,
    newCustomerGrowthRate: null,
    revenuePerPayingCustomer: '150.25',
    repeatCustomerRate: '0.5000',
  },
  byCountry: [{ country: 'PT', revenue: '250.5', payments: 3, customers: 1 }],
  coinMix: [{ asset: 'USDT', network: 'ethereum', payments: 4, volume: '200.5', value: '200.5' }],
  ratings: { average: '4.50', count: 2 },
}
const revenue: AnalyticsRevenue = {
  ...range,
  groupBy: 'month',
  series: [{ period: '2026-01-01', revenue: '250.5', payments: 3, failedPayments: 0, newCustomers: 1 }],
  byAsset: [],
  byNetwork: [],
}
const cohorts: AnalyticsCohorts = {
  ...range,
  cohorts: [
    {
      cohort: '2026-01',
      customers: 4,
      months: [
        { offset: 0, customers: 4, share: '1.0000' },
        { offset: 1, customers: 1, share: '0.2500' },
      ],
    },
  ],
  churn: { churnedCustomers: 3, months: [] },
  subscriptionChurn: { months: [] },
}
const aging: AnalyticsAging = {
  asOf: '2026-02-20',
  from: range.from,
  to: range.to,
  buckets: [
    { currency: 'EUR', bucket: 'current', amountDue: '0', invoices: 0 },
    { currency: 'EUR', bucket: '1-30', amountDue: '70.00', invoices: 1 },
    { currency: 'EUR', bucket: '31-60', amountDue: '0', invoices: 0 },
    { currency: 'EUR', bucket: '61-90', amountDue: '0', invoices: 0 },
    { currency: 'EUR', bucket: '90+', amountDue: '0', invoices: 0 },
  ],
  averageDaysToPay: '10.00',
  invoicesPaid: 1,
}
const reports: Record<string, unknown> = { overview, revenue, cohorts, aging }

function stubReports() {
  return stubApi((req: RecordedRequest) => {
    const report = req.url.pathname.replace('/api/v1/analytics/', '')
    return report in reports ? { body: reports[report] } : undefined
  })
}

afterEach(() => vi.unstubAllGlobals())

describe('AnalyticsPage', () => {
  it('shows the summary cards, coin mix, countries, the cohort heat map and aging', async () => {
    stubReports()
    renderWithApp(<AnalyticsPage />, { path: '/analytics?from=2026-01-01&to=2026-03-31' })
    const summary = await screen.findByLabelText('Summary')
    expect(within(summary).getByText('Revenue').nextSibling?.textContent).toBe('$300.50')
    expect(within(summary).getByText('1 failed')).toBeTruthy()
    expect(within(summary).getByText('2 new · 0 returning')).toBeTruthy()
    expect(within(summary).getByText('50%')).toBeTruthy()
    expect(within(summary).getByText('Average rating').nextSibling?.textContent).toBe('4.50 / 5')
    expect(within(summary).getByText('2 ratings from payers')).toBeTruthy()
    expect(screen.getByRole('rowheader', { name: /USDT/ })).toBeTruthy()
    expect(screen.getByRole('rowheader', { name: 'Portugal' })).toBeTruthy()
    const cohort = screen.getByRole('row', { name: /2026-01/ })
    expect(within(cohort).getByText('25%').getAttribute('title')).toBe('1 of 4 paid')
    expect(screen.getByText('10 days')).toBeTruthy()
    expect(screen.getByText('over 1 invoice', { exact: false }).textContent).toBe(' over 1 invoice')
    expect(screen.getByRole('rowheader', { name: '1–30 days late' }).nextSibling?.textContent).toContain(
      '€70.00',
    )
  })

  it('asks every report for the filters the merchant picks, and keeps them in the URL', async () => {
    const requests = stubReports()
    const { router } = renderWithApp(<AnalyticsPage />, { path: '/analytics?from=2026-01-01&to=2026-03-31' })
    await screen.findByLabelText('Summary')
    await userEvent.selectOptions(screen.getByLabelText('Asset'), 'USDT')
    await userEvent.selectOptions(screen.getByLabelText('Group by'), 'month')
    await waitFor(() => {
      const last = requests.filter((r) => r.url.pathname.endsWith('/revenue')).at(-1)
      expect(last?.url.searchParams.get('asset')).toBe('USDT')
      expect(last?.url.searchParams.get('groupBy')).toBe('month')
      expect(last?.url.searchParams.get('from')).toBe('2026-01-01')
    })
    expect(router.state.location.search).toContain('asset=USDT')
  })

  it('says "over 2 invoices" in the plural', async () => {
    reports.aging = { ...aging, invoicesPaid: 2 }
    try {
      stubReports()
      renderWithApp(<AnalyticsPage />, { path: '/analytics?from=2026-01-01&to=2026-03-31' })
      expect((await screen.findByText('over 2 invoices', { exact: false })).textContent).toBe(
        ' over 2 invoices',
      )
    } finally {
      reports.aging = aging
    }
  })

  it('shows "No payments in this period yet" instead of empty charts', async () => {
    reports.revenue = {
      ...revenue,
      series: [{ period: '2026-01-01', revenue: '0.00', payments: 0, failedPayments: 0, newCustomers: 0 }],
    }
    try {
      stubReports()
      renderWithApp(<AnalyticsPage />, { path: '/analytics?from=2026-01-01&to=2026-03-31' })
      expect(await screen.findByRole('heading', { name: 'No payments in this period yet' })).toBeTruthy()
      expect(screen.queryByText('Payments', { selector: 'figcaption' })).toBeNull()
    } finally {
      reports.revenue = revenue
    }
  })

  it('says when the figures cannot be loaded', async () => {
    stubApi(() => ({
      status: 422,
      body: { code: 'unprocessable', detail: 'segments are not available yet' },
    }))
    renderWithApp(<AnalyticsPage />, { path: '/analytics' })
    expect(await screen.findByText('The figures could not be loaded')).toBeTruthy()
  })
})
