import { Badge } from '../../../ui/Badge'
import type { Message } from '../api'
import { messageStatusLabel, messageStatusTone } from '../labels'

export interface MessageStatusBadgeProps {
  message: Pick<Message, 'status' | 'notSentReason' | 'suppressedReason' | 'lastError' | 'attempts'>
}

/** The status, and beneath it why a message did not go (no SMTP, suppressed, the server's reply). */
export function MessageStatusBadge({ message: m }: MessageStatusBadgeProps) {
  const reason =
    m.notSentReason ??
    m.suppressedReason ??
    (m.lastError && m.status !== 'sent' ? `${m.status === 'queued' ? 'Retrying: ' : ''}${m.lastError}` : null)
  return (
    <span className="badge-group">
      <Badge tone={m.notSentReason ? 'warning' : messageStatusTone[m.status]}>
        {m.notSentReason ? 'Not sent' : messageStatusLabel[m.status]}
      </Badge>
      {reason ? <span className="muted small">{reason}</span> : null}
    </span>
  )
}
