import { ErrorAlert } from '../../../ui/Alert'
import { Modal } from '../../../ui/Modal'
import { LoadingBlock } from '../../../ui/Spinner'
import { useMessage } from '../hooks/queries'
import { messageKindLabel } from '../labels'
import { MessageStatusBadge } from './MessageStatusBadge'

export interface MessageDialogProps {
  id: string | null
  onClose: () => void
}

/** One message as it was sent: headers, the HTML in a sandboxed frame, and the plain text. */
export function MessageDialog({ id, onClose }: MessageDialogProps) {
  const message = useMessage(id)
  const m = message.data
  return (
    <Modal open={Boolean(id)} title={m?.subject ?? 'Message'} onClose={onClose} wide>
      {message.isError ? (
        <ErrorAlert error={message.error} title="The message could not be loaded" />
      ) : !m ? (
        <LoadingBlock label="Loading the message" />
      ) : (
        <>
          <dl className="details">
            <dt>To</dt>
            <dd>{m.to ?? <span className="muted">No address</span>}</dd>
            <dt>Kind</dt>
            <dd>{messageKindLabel[m.kind]}</dd>
            <dt>Status</dt>
            <dd>
              <MessageStatusBadge message={m} /> · {m.attempts} attempt{m.attempts === 1 ? '' : 's'}
            </dd>
          </dl>
          {/* Scripts stay off: the body is mail, shown as a recipient would see it. */}
          <iframe
            title="HTML body"
            sandbox=""
            srcDoc={m.html}
            style={{ width: '100%', height: 420, border: 0 }}
          />
          <details>
            <summary>Plain text</summary>
            <pre className="pre-wrap">{m.text}</pre>
          </details>
        </>
      )}
    </Modal>
  )
}
