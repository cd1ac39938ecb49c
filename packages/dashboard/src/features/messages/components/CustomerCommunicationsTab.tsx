import { type FormEvent, useState } from 'react'
import { Alert, ErrorAlert } from '../../../ui/Alert'
import { useWriteMessage } from '../hooks/queries'
import { MessageLog } from './MessageLog'

export interface CustomerCommunicationsTabProps {
  customer: { id: string; name: string; email: string | null }
  canWrite: boolean
}

/** The profile's Communications tab: what was sent to this customer, and a form to write to them. */
export function CustomerCommunicationsTab({ customer, canWrite }: CustomerCommunicationsTabProps) {
  const [subject, setSubject] = useState('')
  const [text, setText] = useState('')
  const write = useWriteMessage(customer.id)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    write.mutate(
      { subject, text },
      {
        onSuccess: () => {
          setSubject('')
          setText('')
        },
      },
    )
  }
  return (
    <div className="stack">
      {canWrite ? (
        <form className="card stack" aria-label="Write a message" onSubmit={submit}>
          <h2 className="card__title">Write to {customer.name}</h2>
          {customer.email ? null : (
            <Alert tone="warning">
              This customer has no email address: the message will be kept but not sent.
            </Alert>
          )}
          {write.isError ? <ErrorAlert error={write.error} title="The message was not sent" /> : null}
          {write.isSuccess ? <Alert tone="success">Message queued.</Alert> : null}
          <label className="field">
            <span className="field__label">Subject</span>
            <input
              className="input"
              required
              maxLength={200}
              value={subject}
              onChange={(e) => setSubject(e.target.value)}
            />
          </label>
          <label className="field">
            <span className="field__label">Message</span>
            <textarea
              className="input"
              required
              rows={5}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          </label>
          <div>
            <button type="submit" className="button button--primary" disabled={write.isPending}>
              {write.isPending ? 'Sending…' : 'Send'}
            </button>
          </div>
        </form>
      ) : null}
      <section className="card card--flush" aria-label="Communications">
        <MessageLog
          customerId={customer.id}
          canWrite={canWrite}
          emptyDescription="Nothing was sent to this customer yet."
        />
      </section>
    </div>
  )
}
