import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import { EmptyState } from '../../../ui/EmptyState'
import type { AnalyticsRevenue } from '../api'

export interface AnalyticsChartsProps {
  revenue: AnalyticsRevenue
}

/**
 * Revenue and payments (approved vs failed) per period. Loaded lazily with recharts, so the rest of the
 * dashboard never downloads the chart library. Numbers are converted for drawing only.
 */
export function AnalyticsCharts({ revenue }: AnalyticsChartsProps) {
  const data = revenue.series.map((s) => ({
    period: s.period,
    revenue: Number(s.revenue),
    approved: s.payments,
    failed: s.failedPayments,
  }))
  // Nothing to draw (no period, or only empty ones): an empty grid with a 0–4 axis says nothing useful.
  const empty = revenue.series.every(
    (s) => s.payments === 0 && s.failedPayments === 0 && !/[1-9]/.test(s.revenue),
  )
  if (empty) {
    return (
      <section className="card" aria-label="Revenue and payments">
        <EmptyState
          title="No payments in this period yet"
          description="Revenue and payments are charted here once payments arrive in the range."
        />
      </section>
    )
  }
  return (
    <div className="analytics-charts">
      <figure className="card">
        <figcaption className="card__title">Revenue ({revenue.currency})</figcaption>
        <ResponsiveContainer width="100%" height={240}>
          <LineChart data={data}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="period" />
            <YAxis />
            <Tooltip />
            <Line type="monotone" dataKey="revenue" name="Revenue" stroke="#2563eb" dot={false} />
          </LineChart>
        </ResponsiveContainer>
      </figure>
      <figure className="card">
        <figcaption className="card__title">Payments</figcaption>
        <ResponsiveContainer width="100%" height={240}>
          <BarChart data={data}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="period" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            <Bar dataKey="approved" name="Approved" stackId="p" fill="#16a34a" />
            <Bar dataKey="failed" name="Failed" stackId="p" fill="#dc2626" />
          </BarChart>
        </ResponsiveContainer>
      </figure>
    </div>
  )
}

export default AnalyticsCharts
