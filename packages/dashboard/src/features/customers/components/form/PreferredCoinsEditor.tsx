import { useState } from 'react'
import { allCoinChoices, assetName, coinKey, coinLabel } from '../../../../chains/coins'
import { Field } from '../../../../ui/form/Field'
import { ArrowDownIcon, ArrowUpIcon, PlusIcon, XIcon } from '../../../../ui/icons'
import type { CoinChoice } from '../../form-values'

export interface PreferredCoinsEditorProps {
  value: CoinChoice[]
  onChange: (value: CoinChoice[]) => void
}

function move<T>(list: T[], from: number, to: number): T[] {
  const next = [...list]
  const [item] = next.splice(from, 1)
  if (item !== undefined) next.splice(to, 0, item)
  return next
}

/** An ordered list of coins (asset on network) picked from the registry; the first is the default. */
export function PreferredCoinsEditor({ value, onChange }: PreferredCoinsEditorProps) {
  const chosen = new Set(value.map(coinKey))
  const available = allCoinChoices.filter((c) => !chosen.has(coinKey(c)))
  const [pick, setPick] = useState('')
  const pickValue = available.some((c) => coinKey(c) === pick)
    ? pick
    : (available[0] && coinKey(available[0])) || ''

  const add = () => {
    const coin = available.find((c) => coinKey(c) === pickValue)
    if (coin) onChange([...value, coin])
  }

  return (
    <Field
      label="Preferred coins"
      path="preferredCoins"
      className="span-2"
      hint="In order of preference. The first is the default way they pay."
    >
      {(control) => (
        <div className="coin-editor">
          {value.length ? (
            <ol className="coin-list" aria-label="Preferred coins, in order">
              {value.map((coin, i) => {
                const label = coinLabel(coin)
                return (
                  <li key={coinKey(coin)} className="coin-list__item">
                    <span className="coin-list__rank">{i + 1}</span>
                    <span className="coin-list__label">
                      <strong>{label}</strong>
                      <span className="muted"> · {assetName(coin.asset)}</span>
                    </span>
                    {i === 0 ? <span className="badge badge--info">Default</span> : null}
                    <span className="coin-list__actions">
                      <button
                        type="button"
                        className="icon-button"
                        aria-label={`Move ${label} up`}
                        disabled={i === 0}
                        onClick={() => onChange(move(value, i, i - 1))}
                      >
                        <ArrowUpIcon />
                      </button>
                      <button
                        type="button"
                        className="icon-button"
                        aria-label={`Move ${label} down`}
                        disabled={i === value.length - 1}
                        onClick={() => onChange(move(value, i, i + 1))}
                      >
                        <ArrowDownIcon />
                      </button>
                      <button
                        type="button"
                        className="icon-button"
                        aria-label={`Remove ${label}`}
                        onClick={() => onChange(value.filter((_, j) => j !== i))}
                      >
                        <XIcon />
                      </button>
                    </span>
                  </li>
                )
              })}
            </ol>
          ) : (
            <p className="muted coin-editor__empty">No preference: any accepted coin.</p>
          )}
          {available.length ? (
            <div className="inline-add">
              <select
                {...control}
                aria-label="Coin to add"
                className="input"
                value={pickValue}
                onChange={(e) => setPick(e.target.value)}
              >
                {available.map((c) => (
                  <option key={coinKey(c)} value={coinKey(c)}>
                    {coinLabel(c)}
                  </option>
                ))}
              </select>
              <button type="button" className="button button--secondary" onClick={add}>
                <PlusIcon />
                Add coin
              </button>
            </div>
          ) : null}
        </div>
      )}
    </Field>
  )
}
