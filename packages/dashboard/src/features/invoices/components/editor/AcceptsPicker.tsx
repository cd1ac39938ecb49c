import { type Coin, coinKey } from '../../../../chains/coins'
import type { ControlProps } from '../../../../ui/form/Field'
import type { PaymentOptionInfo } from '../../api'

export interface AcceptsPickerProps {
  options: readonly PaymentOptionInfo[]
  value: readonly Coin[]
  onChange: (coins: Coin[]) => void
  control: ControlProps
}

/** Checkboxes of the coins an invoice may be paid in, grouped by network; none picked = the default. */
export function AcceptsPicker({ options, value, onChange, control }: AcceptsPickerProps) {
  const picked = new Set(value.map(coinKey))
  const networks = [...new Map(options.map((o) => [o.network, o.networkName])).entries()]
  const toggle = (o: PaymentOptionInfo) =>
    onChange(
      picked.has(coinKey(o))
        ? value.filter((c) => coinKey(c) !== coinKey(o))
        : [...value, { asset: o.asset, network: o.network }],
    )
  return (
    <fieldset
      className="accepts"
      id={control.id}
      aria-invalid={control['aria-invalid']}
      aria-describedby={control['aria-describedby']}
      tabIndex={-1}
    >
      {networks.map(([network, name]) => (
        <fieldset key={network} className="accepts__network">
          <legend>{name}</legend>
          {options
            .filter((o) => o.network === network)
            .map((o) => (
              <label key={coinKey(o)} className="accepts__coin">
                <input type="checkbox" checked={picked.has(coinKey(o))} onChange={() => toggle(o)} />
                <span>
                  {o.asset} <span className="visually-hidden">on {name}</span>
                </span>
              </label>
            ))}
        </fieldset>
      ))}
    </fieldset>
  )
}
