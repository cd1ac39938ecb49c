import { type FormEvent, useEffect, useState } from 'react'
import { Alert, ErrorAlert } from '../../../ui/Alert'
import { DocumentTitle } from '../../../ui/DocumentTitle'
import { PageHeader } from '../../../ui/PageHeader'
import { LoadingBlock } from '../../../ui/Spinner'
import { useCurrentMe } from '../../auth/hooks/useMe'
import type { EmailSettings } from '../api'
import { useEmailSettings, useUpdateEmailSettings } from '../hooks/queries'
import { TemplateEditor } from './TemplateEditor'

/** /settings/email — SMTP status, the sender, the welcome mail switch and the templates. */
export function EmailSettingsPage() {
  const settings = useEmailSettings()
  const canWrite = useCurrentMe().role !== 'viewer'
  return (
    <>
      <DocumentTitle title="Email" />
      <PageHeader title="Email" description="How Coinbook emails your customers, and what it says." />
      {settings.isError ? (
        <ErrorAlert
          error={settings.error}
          title="The email settings could not be loaded"
          onRetry={() => settings.refetch()}
        />
      ) : !settings.data ? (
        <LoadingBlock label="Loading the email settings" />
      ) : (
        <div className="stack">
          <section className="card" aria-label="SMTP">
            <h2 className="card__title">SMTP</h2>
            {settings.data.smtp.configured ? (
              <Alert tone="success" title="Configured">
                Mail is sent from <code>{settings.data.smtp.from}</code>.
              </Alert>
            ) : (
              <Alert tone="warning" title="Not configured">
                Messages wait in the Outbox as “Not sent”. Set <code>SMTP_URL</code> (and{' '}
                <code>MAIL_FROM</code>) in the server’s environment to send them.
              </Alert>
            )}
          </section>
          <SenderForm settings={settings.data} canWrite={canWrite} />
          <TemplateEditor canWrite={canWrite} />
        </div>
      )}
    </>
  )
}

function SenderForm({ settings, canWrite }: { settings: EmailSettings; canWrite: boolean }) {
  const [senderName, setSenderName] = useState(settings.senderName ?? '')
  const [replyTo, setReplyTo] = useState(settings.replyTo ?? '')
  const [welcome, setWelcome] = useState(settings.welcomeEnabled)
  const update = useUpdateEmailSettings()
  useEffect(() => {
    setSenderName(settings.senderName ?? '')
    setReplyTo(settings.replyTo ?? '')
    setWelcome(settings.welcomeEnabled)
  }, [settings])
  const submit = (e: FormEvent) => {
    e.preventDefault()
    update.mutate({
      senderName: senderName.trim() || null,
      replyTo: replyTo.trim() || null,
      welcomeEnabled: welcome,
    })
  }
  return (
    <form className="card stack" aria-label="Sender" onSubmit={submit}>
      <h2 className="card__title">Sender</h2>
      {update.isError ? <ErrorAlert error={update.error} title="The settings were not saved" /> : null}
      {update.isSuccess ? <Alert tone="success">Saved.</Alert> : null}
      <label className="field">
        <span className="field__label">Sender name</span>
        <input
          className="input"
          value={senderName}
          maxLength={100}
          disabled={!canWrite}
          placeholder="Your business name"
          onChange={(e) => setSenderName(e.target.value)}
        />
      </label>
      <label className="field">
        <span className="field__label">Reply-to address</span>
        <input
          className="input"
          type="email"
          value={replyTo}
          disabled={!canWrite}
          placeholder="billing@example.com"
          onChange={(e) => setReplyTo(e.target.value)}
        />
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={welcome}
          disabled={!canWrite}
          onChange={(e) => setWelcome(e.target.checked)}
        />
        Send a welcome email to new customers
      </label>
      {canWrite ? (
        <div>
          <button type="submit" className="button button--primary" disabled={update.isPending}>
            Save
          </button>
        </div>
      ) : null}
    </form>
  )
}
