export interface FilterSelectProps {
  label: string
  value: string | undefined
  onChange: (value: string | undefined) => void
  options: readonly { value: string; label: string }[]
  /** The label of the empty choice. */
  anyLabel?: string
}

/** One filter of a list's filter row: a small labelled select whose empty choice means "any". */
export function FilterSelect({ label, value, onChange, options, anyLabel = 'Any' }: FilterSelectProps) {
  return (
    <label className={`filter${value ? ' filter--active' : ''}`}>
      <span className="filter__label">{label}</span>
      <select
        className="input input--small"
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value || undefined)}
      >
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  )
}
