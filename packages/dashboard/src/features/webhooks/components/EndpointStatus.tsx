import { formatRelative } from '../../../format/dates'
import { Badge } from '../../../ui/Badge'
import type { DeliveryStatus, WebhookEndpoint } from '../api'

/** Enabled, failing since…, or disabled with the reason. */
export function EndpointStatus({ endpoint }: { endpoint: WebhookEndpoint }) {
  if (!endpoint.enabled) {
    return (
      <span className="stack">
        <Badge tone="danger">Disabled</Badge>
        {endpoint.disabledReason ? <span className="muted small">{endpoint.disabledReason}</span> : null}
      </span>
    )
  }
  if (endpoint.failingSince) {
    return (
      <span className="stack">
        <Badge tone="warning">Failing</Badge>
        <span className="muted small">
          since <time dateTime={endpoint.failingSince}>{formatRelative(endpoint.failingSince)}</time>
        </span>
      </span>
    )
  }
  return <Badge tone="success">Enabled</Badge>
}

const deliveryTone = { pending: 'info', succeeded: 'success', failed: 'danger' } as const
const deliveryLabel = { pending: 'Pending', succeeded: 'Delivered', failed: 'Failed' } as const

export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  return <Badge tone={deliveryTone[status]}>{deliveryLabel[status]}</Badge>
}

/** "All events" or the list of types. */
export function EventsSummary({ events }: { events: readonly string[] }) {
  if (events.includes('*')) return <span>All events</span>
  const shown = events.slice(0, 3)
  return (
    <span title={events.join(', ')}>
      {shown.map((e, i) => (
        <span key={e}>
          {i > 0 ? ', ' : null}
          <code>{e}</code>
        </span>
      ))}
      {events.length > shown.length ? ` +${events.length - shown.length} more` : null}
    </span>
  )
}
