import { assetName, coinLabel } from '../../../chains/coins'
import { NetworkMark } from '../../../chains/NetworkMark'
import type { CheckoutCoin } from '../api'

export interface CoinPickerProps {
  coins: CheckoutCoin[]
  onPick: (coin: CheckoutCoin) => void
  /** The coin whose quote is being made. */
  pending?: Pick<CheckoutCoin, 'asset' | 'network'> | undefined
}

/** The coins the invoice accepts, the customer's preferred first; each a button. */
export function CoinPicker({ coins, onPick, pending }: CoinPickerProps) {
  return (
    <section className="checkout-card" aria-labelledby="checkout-coins-title">
      <h2 id="checkout-coins-title" className="checkout-card__title">
        Pay with
      </h2>
      <ul className="checkout-coins">
        {coins.map((coin) => {
          const busy = pending?.asset === coin.asset && pending.network === coin.network
          return (
            <li key={`${coin.asset}/${coin.network}`}>
              <button
                type="button"
                className="checkout-coin"
                onClick={() => onPick(coin)}
                disabled={pending !== undefined}
                aria-busy={busy}
              >
                <NetworkMark network={coin.network} size="small" />
                <span className="checkout-coin__label">
                  <strong>{coinLabel(coin)}</strong>
                  <span className="checkout-muted">{assetName(coin.asset)}</span>
                </span>
                {coin.preferred ? <span className="checkout-coin__tag">Preferred</span> : null}
                {busy ? <span className="checkout-muted">Preparing…</span> : null}
              </button>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
