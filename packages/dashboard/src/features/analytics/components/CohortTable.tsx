import type { AnalyticsCohorts } from '../api'
import { formatRate } from '../format'

export interface CohortTableProps {
  cohorts: AnalyticsCohorts['cohorts']
}

/** A cell's background: the share paying that month, as the strength of one hue. */
function heat(share: string | null): string | undefined {
  if (share === null) return undefined
  const alpha = Math.min(1, Math.max(0, Number(share)))
  return `rgba(37, 99, 235, ${(0.08 + alpha * 0.72).toFixed(2)})`
}

/** Retention as a heat map: a row per month of first payment, a column per month after it. */
export function CohortTable({ cohorts }: CohortTableProps) {
  if (cohorts.length === 0) return <p className="muted">No customers made a first payment in this range.</p>
  const width = Math.max(...cohorts.map((c) => c.months.length))
  return (
    <div className="table-scroll">
      <table className="table cohort-table">
        <caption className="visually-hidden">
          Share of each cohort paying in each month after their first payment
        </caption>
        <thead>
          <tr>
            <th scope="col">First payment</th>
            <th scope="col" className="num">
              Customers
            </th>
            {Array.from({ length: width }, (_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the column is the month offset itself
              <th scope="col" className="num" key={i}>
                {i === 0 ? 'Month 0' : `+${i}`}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cohorts.map((c) => (
            <tr key={c.cohort}>
              <th scope="row">{c.cohort}</th>
              <td className="num">{c.customers}</td>
              {Array.from({ length: width }, (_, i) => {
                const m = c.months[i]
                return (
                  <td
                    // biome-ignore lint/suspicious/noArrayIndexKey: the column is the month offset itself
                    key={i}
                    className="num cohort-table__cell"
                    style={m ? { background: heat(m.share) } : undefined}
                    title={m ? `${m.customers} of ${c.customers} paid` : undefined}
                  >
                    {m ? formatRate(m.share) : ''}
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
