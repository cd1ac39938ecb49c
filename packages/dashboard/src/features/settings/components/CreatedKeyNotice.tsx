import { useState } from 'react'
import { CopyIcon } from '../../../ui/icons'
import type { CreatedApiKey } from '../api'

export interface CreatedKeyNoticeProps {
  created: CreatedApiKey
  onDone: () => void
}

/** The secret of a new key, shown once, with a copy button. */
export function CreatedKeyNotice({ created, onDone }: CreatedKeyNoticeProps) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null)
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.key)
      setCopied('yes')
    } catch {
      setCopied('failed')
    }
  }
  return (
    <div className="alert alert--success created-key" role="status">
      <div className="alert__body">
        <strong>“{created.name}” was created. Copy the key now: it will not be shown again.</strong>
        <div className="created-key__row">
          <span className="visually-hidden">New API key:</span>
          <code className="created-key__value">{created.key}</code>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => void copy()}
          >
            <CopyIcon />
            {copied === 'yes' ? 'Copied' : 'Copy'}
          </button>
        </div>
        {copied === 'failed' ? (
          <p>Copying was blocked by the browser: select the key and copy it by hand.</p>
        ) : null}
        <p className="muted">
          Send it as <code>Authorization: Bearer &lt;key&gt;</code>.
        </p>
      </div>
      <div className="alert__actions">
        <button type="button" className="button button--ghost button--small" onClick={onDone}>
          I have stored it
        </button>
      </div>
    </div>
  )
}
