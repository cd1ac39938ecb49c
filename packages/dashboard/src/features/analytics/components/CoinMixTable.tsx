import { coinLabel } from '../../../chains/coins'
import { formatMoneyOrDash } from '../../../format/money'
import type { AnalyticsOverview } from '../api'

export interface CoinMixTableProps {
  coins: AnalyticsOverview['coinMix']
  currency: string
}

/** Payments, volume and value per coin (asset on a network), most used first. */
export function CoinMixTable({ coins, currency }: CoinMixTableProps) {
  if (coins.length === 0) return <p className="muted">No confirmed payments in this range.</p>
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">Coin</th>
          <th scope="col" className="num">
            Payments
          </th>
          <th scope="col" className="num">
            Volume
          </th>
          <th scope="col" className="num">
            Value
          </th>
        </tr>
      </thead>
      <tbody>
        {coins.map((c) => (
          <tr key={`${c.asset}/${c.network}`}>
            <th scope="row">{coinLabel(c)}</th>
            <td className="num">{c.payments}</td>
            <td className="num">
              {c.volume} {c.asset}
            </td>
            <td className="num">{formatMoneyOrDash(c.value, currency)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
