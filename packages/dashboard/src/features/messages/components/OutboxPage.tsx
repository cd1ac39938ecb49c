import { Link } from 'react-router'
import { Alert } from '../../../ui/Alert'
import { DocumentTitle } from '../../../ui/DocumentTitle'
import { PageHeader } from '../../../ui/PageHeader'
import { useCurrentMe } from '../../auth/hooks/useMe'
import { useEmailSettings } from '../hooks/queries'
import { MessageLog } from './MessageLog'

/** /outbox — every email Coinbook sent, is about to send, gave up on or held back. */
export function OutboxPage() {
  const canWrite = useCurrentMe().role !== 'viewer'
  const settings = useEmailSettings()
  return (
    <>
      <DocumentTitle title="Outbox" />
      <PageHeader
        title="Outbox"
        description="Every email to your customers: invoices, receipts, reminders and your own messages, with what happened to each."
      />
      {settings.data && !settings.data.smtp.configured ? (
        <Alert tone="warning" title="Email is not being sent">
          No SMTP server is configured, so messages wait here as “Not sent”. Set <code>SMTP_URL</code> and
          they go out. <Link to="/settings/email">Email settings</Link>
        </Alert>
      ) : null}
      <section className="card card--flush" aria-label="Messages">
        <MessageLog
          canWrite={canWrite}
          emptyDescription="Emails appear here when you send an invoice, a payment arrives or you write to a customer."
        />
      </section>
    </>
  )
}
