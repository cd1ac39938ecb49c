import { CopyButton } from '../../../ui/CopyButton'

export interface SecretNoticeProps {
  /** What happened, e.g. "The endpoint was created." */
  title: string
  secret: string
  /** After a rotation: the old secret still signs until then. */
  previousValidUntil?: string | null | undefined
  onDone: () => void
}

/** A signing secret, shown once, with a copy button. */
export function SecretNotice({ title, secret, previousValidUntil, onDone }: SecretNoticeProps) {
  return (
    <div className="alert alert--success created-key" role="status">
      <div className="alert__body">
        <strong>{title} Copy the signing secret now: you won’t see it again.</strong>
        <div className="created-key__row">
          <span className="visually-hidden">Signing secret:</span>
          <code className="created-key__value" data-testid="webhook-secret">
            {secret}
          </code>
          <CopyButton value={secret} label="Copy secret" />
        </div>
        {previousValidUntil ? (
          <p>
            The previous secret keeps signing deliveries too until{' '}
            <time dateTime={previousValidUntil}>{new Date(previousValidUntil).toLocaleString()}</time> (24
            hours), so update your receiver before then.
          </p>
        ) : null}
        <p className="muted">
          Verify each delivery’s <code>webhook-signature</code> header with it (Standard Webhooks).
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
