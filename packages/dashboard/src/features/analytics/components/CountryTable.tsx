import { countryName } from '../../../format/countries'
import { formatMoneyOrDash } from '../../../format/money'
import type { AnalyticsOverview } from '../api'

export interface CountryTableProps {
  countries: AnalyticsOverview['byCountry']
  currency: string
}

/** Revenue, payments and paying customers per customer country. */
export function CountryTable({ countries, currency }: CountryTableProps) {
  if (countries.length === 0) return <p className="muted">No confirmed payments in this range.</p>
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">Country</th>
          <th scope="col" className="num">
            Revenue
          </th>
          <th scope="col" className="num">
            Payments
          </th>
          <th scope="col" className="num">
            Customers
          </th>
        </tr>
      </thead>
      <tbody>
        {countries.map((c) => (
          <tr key={c.country ?? 'none'}>
            <th scope="row">{c.country ? countryName(c.country) : 'Not set'}</th>
            <td className="num">{formatMoneyOrDash(c.revenue, currency)}</td>
            <td className="num">{c.payments}</td>
            <td className="num">{c.customers}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
