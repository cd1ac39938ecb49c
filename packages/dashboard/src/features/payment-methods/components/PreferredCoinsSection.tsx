import type { UpdateCustomerInput } from '@coinbook/api/contracts'
import { useEffect, useState } from 'react'
import { errorMessage } from '../../../api/problem'
import { allCoinChoices, type Coin, coinKey, coinLabel, parseCoinKey } from '../../../chains/coins'
import { Badge } from '../../../ui/Badge'
import { ArrowDownIcon, ArrowUpIcon, XIcon } from '../../../ui/icons'
import { useUpdateCustomer } from '../../customers/hooks/queries'

export interface PreferredCoinsSectionProps {
  customerId: string
  coins: readonly Coin[]
  canWrite: boolean
  /** Called once the new order is saved, so the tab reads itself again. */
  onSaved: () => void
}

/** The coins the customer prefers, in order; the first is the default method. Saved with the customer. */
export function PreferredCoinsSection({ customerId, coins, canWrite, onSaved }: PreferredCoinsSectionProps) {
  const [draft, setDraft] = useState<Coin[]>([...coins])
  const [adding, setAdding] = useState('')
  const update = useUpdateCustomer(customerId)
  useEffect(() => setDraft([...coins]), [coins])
  const changed = coinKeys(draft) !== coinKeys(coins)
  const choices = allCoinChoices.filter((c) => !draft.some((d) => coinKey(d) === coinKey(c)))

  const move = (from: number, to: number) => {
    const next = [...draft]
    const [coin] = next.splice(from, 1)
    if (coin) next.splice(to, 0, coin)
    setDraft(next)
  }

  return (
    <section className="card" aria-labelledby="preferred-coins-title">
      <h2 className="card__title" id="preferred-coins-title">
        Preferred coins
      </h2>
      <p className="card__description">
        The coins this customer likes to pay with, in order. The first is their default method: invoices and
        the pay page offer it first.
      </p>
      {draft.length === 0 ? (
        <p className="muted">No preferred coins yet: the pay page lists every coin you accept.</p>
      ) : (
        <ol className="coin-order" aria-label="Preferred coins in order">
          {draft.map((coin, i) => (
            <li key={coinKey(coin)} className="coin-order__item">
              <span>
                {coinLabel(coin)} {i === 0 ? <Badge tone="info">Default</Badge> : null}
              </span>
              {canWrite ? (
                <span className="coin-order__actions">
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    aria-label={`Move ${coinLabel(coin)} up`}
                    disabled={i === 0}
                    onClick={() => move(i, i - 1)}
                  >
                    <ArrowUpIcon />
                  </button>
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    aria-label={`Move ${coinLabel(coin)} down`}
                    disabled={i === draft.length - 1}
                    onClick={() => move(i, i + 1)}
                  >
                    <ArrowDownIcon />
                  </button>
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    aria-label={`Remove ${coinLabel(coin)}`}
                    onClick={() => setDraft(draft.filter((_, j) => j !== i))}
                  >
                    <XIcon />
                  </button>
                </span>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {canWrite ? (
        <div className="coin-order__footer">
          <label className="visually-hidden" htmlFor="add-preferred-coin">
            Add a coin
          </label>
          <select
            id="add-preferred-coin"
            className="input"
            value={adding}
            onChange={(e) => {
              const coin = parseCoinKey(e.target.value)
              if (coin) setDraft([...draft, coin])
              setAdding('')
            }}
          >
            <option value="">Add a coin…</option>
            {choices.map((c) => (
              <option key={coinKey(c)} value={coinKey(c)}>
                {coinLabel(c)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button--primary"
            disabled={!changed || update.isPending}
            onClick={() =>
              update.mutate(
                // Every coin here came from the registry's choices, which is what the API accepts.
                { preferredCoins: draft as NonNullable<UpdateCustomerInput['preferredCoins']> },
                { onSuccess: onSaved },
              )
            }
          >
            {update.isPending ? 'Saving…' : 'Save order'}
          </button>
          {update.isError ? (
            <p className="field__errors" role="alert">
              {errorMessage(update.error)}
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  )
}

function coinKeys(coins: readonly Coin[]) {
  return coins.map(coinKey).join(',')
}
