import { formatDateTime } from '../../../format/dates'
import { useRovingRows } from '../../../ui/useRovingRows'
import type { Message } from '../api'
import { messageKindLabel } from '../labels'
import { MessageStatusBadge } from './MessageStatusBadge'

export interface MessagesTableProps {
  messages: readonly Message[]
  onOpen: (id: string) => void
  /** Absent for viewers: no Resend button. */
  onResend?: ((id: string) => void) | undefined
  resending?: string | null
  stale?: boolean
  hideRecipient?: boolean
}

/** The log as a table: one Tab stop, arrows move between rows, Enter opens the message. */
export function MessagesTable({
  messages,
  onOpen,
  onResend,
  resending = null,
  stale = false,
  hideRecipient = false,
}: MessagesTableProps) {
  const { active, rowProps } = useRovingRows(messages, (m) => onOpen(m.id))
  return (
    <div className={`table-wrap${stale ? ' table-wrap--stale' : ''}`}>
      <table className="table" aria-label="Messages" aria-busy={stale}>
        <thead>
          <tr>
            <th scope="col">Subject</th>
            {hideRecipient ? null : <th scope="col">To</th>}
            <th scope="col">Kind</th>
            <th scope="col">Status</th>
            <th scope="col">Created</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {messages.map((m, index) => (
            <tr key={m.id} className="table__row--focusable" {...rowProps(index)}>
              <td>
                <button
                  type="button"
                  className="link-button cell-primary__name"
                  tabIndex={index === active ? 0 : -1}
                  onClick={() => onOpen(m.id)}
                >
                  {m.subject}
                </button>
              </td>
              {hideRecipient ? null : <td>{m.to ?? <span className="muted">No address</span>}</td>}
              <td className="nowrap">{messageKindLabel[m.kind]}</td>
              <td>
                <MessageStatusBadge message={m} />
              </td>
              <td className="nowrap">
                <time dateTime={m.createdAt}>{formatDateTime(m.createdAt)}</time>
              </td>
              <td className="num">
                {onResend && m.to && m.status !== 'queued' ? (
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    tabIndex={index === active ? 0 : -1}
                    disabled={resending === m.id}
                    onClick={() => onResend(m.id)}
                  >
                    {resending === m.id ? 'Resending…' : 'Resend'}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
