import { assetName, coinLabel } from '../../../chains/coins'
import { NetworkMark } from '../../../chains/NetworkMark'
import type { CheckoutCoin } from '../api'

export interface CoinPickerProps {
  coins: CheckoutCoin[]
  onPick: (coin: CheckoutCoin) => void
  /** The coin whose quote is being made. */
  pending?: Pick<CheckoutCoin, 'asset' | 'network'> | undefined
  /** Who to contact when the invoice accepts no coin. */
  merchantName?: string | undefined
}

/**
 * The coins the invoice accepts, the customer's preferred first; each a button. With none (the merchant has
 * no wallet or payment method set up), says so and whom to contact instead of an empty list.
 */
export function CoinPicker({ coins, onPick, pending, merchantName }: CoinPickerProps) {
  if (coins.length === 0) {
    return (
      <section
        className="checkout-card"
        aria-labelledby="checkout-coins-title"
        data-testid="checkout-no-coins"
      >
        <h2 id="checkout-coins-title" className="checkout-card__title">
          Can't be paid online yet
        </h2>
        <p>
          This invoice can't be paid online yet: no payment method is set up. Please contact{' '}
          {merchantName ? merchantName : 'whoever sent it to you'}.
        </p>
      </section>
    )
  }
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
