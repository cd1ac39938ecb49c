import { Badge } from '../../../ui/Badge'
import type { CustomerStatus, CustomerTier } from '../api'
import { statusLabel, statusTone, tierLabel } from '../labels'

export interface StatusBadgeProps {
  status: CustomerStatus
}

export function StatusBadge({ status }: StatusBadgeProps) {
  return <Badge tone={statusTone[status] ?? 'neutral'}>{statusLabel[status] ?? status}</Badge>
}

export interface TierBadgeProps {
  tier: CustomerTier | null
}

export function TierBadge({ tier }: TierBadgeProps) {
  if (!tier) return null
  return <Badge tone={tier}>{tierLabel[tier] ?? tier}</Badge>
}

export interface TagListProps {
  tags: readonly string[]
  max?: number
}

/** Tags as chips; past `max`, a "+N" chip names the rest in its tooltip. */
export function TagList({ tags, max = Number.POSITIVE_INFINITY }: TagListProps) {
  if (!tags.length) return null
  const shown = tags.slice(0, max)
  const rest = tags.slice(max)
  return (
    <span className="tag-list">
      {shown.map((t) => (
        <span key={t} className="tag">
          {t}
        </span>
      ))}
      {rest.length ? (
        <span className="tag tag--more" title={rest.join(', ')}>
          +{rest.length}
        </span>
      ) : null}
    </span>
  )
}
