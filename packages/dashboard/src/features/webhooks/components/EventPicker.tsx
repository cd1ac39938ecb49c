import { EVENT_GROUPS, type WebhookEventType } from '../api'

export interface EventPickerProps {
  /** `['*']` for every event, else the chosen types. */
  value: readonly string[]
  onChange: (value: string[]) => void
  /** The API's errors for `events`, shown under the picker. */
  errors?: readonly string[]
}

/** Checkboxes for every event type, grouped, with "All events" meaning `*` (types added later included). */
export function EventPicker({ value, onChange, errors = [] }: EventPickerProps) {
  const all = value.includes('*')
  const toggle = (type: WebhookEventType, on: boolean) =>
    onChange(on ? [...value.filter((v) => v !== type), type] : value.filter((v) => v !== type))
  return (
    <fieldset className={`field${errors.length ? ' field--invalid' : ''}`} id="field-events" tabIndex={-1}>
      <legend className="field__label">Events</legend>
      <label className="checkbox-field">
        <input type="checkbox" checked={all} onChange={(e) => onChange(e.target.checked ? ['*'] : [])} />
        All events, including types added later (<code>*</code>)
      </label>
      {all ? null : (
        <div className="accepts">
          {EVENT_GROUPS.map((group) => (
            <fieldset className="accepts__network" key={group.label}>
              <legend>{group.label}</legend>
              {group.types.map((type) => (
                <label className="accepts__coin" key={type}>
                  <input
                    type="checkbox"
                    checked={value.includes(type)}
                    onChange={(e) => toggle(type, e.target.checked)}
                  />
                  <code>{type}</code>
                </label>
              ))}
            </fieldset>
          ))}
        </div>
      )}
      {errors.length ? (
        <ul className="field__errors">
          {errors.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  )
}
