import { useBuiltinSegments, useSegments } from '../hooks/queries'
import { builtinSegmentLabel } from '../labels'

const FEATURED = ['vip', 'new', 'at-risk', 'churned', 'one-time', 'recurring', 'late-payers']

export interface SegmentChipsProps {
  value: string | undefined
  onChange: (segmentId: string | undefined) => void
}

/** The customer list's segment filter: the merchant's segments and the main built-ins, one at a time. */
export function SegmentChips({ value, onChange }: SegmentChipsProps) {
  const saved = useSegments()
  const builtins = useBuiltinSegments()
  const chips = [
    ...(saved.data ?? []).map((s) => ({ id: s.id, label: s.name })),
    ...(builtins.data ?? [])
      .filter((b) => FEATURED.includes(b.id) && b.available)
      .map((b) => ({ id: b.id, label: b.name })),
  ]
  // A segment picked elsewhere (e.g. "timezone:Europe" from the segments page): its name, the id only while unknown.
  if (value && !chips.some((c) => c.id === value))
    chips.unshift({ id: value, label: builtinSegmentLabel(value, builtins.data ?? []) ?? value })
  if (chips.length === 0) return null
  return (
    <fieldset className="chip-list">
      <legend className="visually-hidden">Segments</legend>
      {chips.map((c) => (
        <button
          key={c.id}
          type="button"
          className={`chip${value === c.id ? ' chip--active' : ''}`}
          aria-pressed={value === c.id}
          onClick={() => onChange(value === c.id ? undefined : c.id)}
        >
          {c.label}
        </button>
      ))}
    </fieldset>
  )
}
