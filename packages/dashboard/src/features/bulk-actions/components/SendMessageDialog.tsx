import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query'
import { type FormEvent, useMemo, useState } from 'react'
import { ApiProblem } from '../../../api/problem'
import { ErrorAlert } from '../../../ui/Alert'
import { Field } from '../../../ui/form/Field'
import { FieldErrorsContext } from '../../../ui/form/FieldErrorsContext'
import { Modal } from '../../../ui/Modal'
import { useDebounced } from '../../segments/hooks/queries'
import { type BulkSelectionInput, createBulkAction, previewBulkMessage } from '../api'

const VARIABLES = ['{{customer.name}}', '{{customer.email}}', '{{merchant.name}}']

export interface SendMessageDialogProps {
  open: boolean
  selection: BulkSelectionInput
  onClose: () => void
  onStarted: (bulkActionId: string) => void
}

/**
 * Writes one email to every selected customer: subject and text with the recipient's variables, how many
 * it reaches and skips (no email, unsubscribed), the first recipient's copy, then confirm.
 */
export function SendMessageDialog({ open, selection, onClose, onStarted }: SendMessageDialogProps) {
  const [subject, setSubject] = useState('')
  const [text, setText] = useState('')
  // Debounced as strings: an object rebuilt each render would never settle.
  const draft = {
    subject: useDebounced(subject.trim(), 300),
    text: useDebounced(text.trim(), 300),
  }
  const settled = draft.subject === subject.trim() && draft.text === text.trim()
  const ready = open && draft.subject !== '' && draft.text !== ''
  const preview = useQuery({
    queryKey: ['bulk-actions', 'message-preview', selection, draft],
    queryFn: ({ signal }) => previewBulkMessage({ selection, params: draft }, signal),
    enabled: ready,
    placeholderData: keepPreviousData,
    retry: false,
  })
  const start = useMutation({
    mutationFn: createBulkAction,
    onSuccess: (a) => {
      setSubject('')
      setText('')
      onStarted(a.id)
    },
  })

  // The API names the field: params.subject / params.text, from the preview or the send.
  const fieldErrors = useMemo(() => {
    const out: Record<string, string[]> = {}
    for (const error of [preview.error, start.error])
      if (error instanceof ApiProblem)
        for (const e of error.fieldErrors) out[e.path] = [...(out[e.path] ?? []), e.message]
    return out
  }, [preview.error, start.error])
  const otherError = [start.error, preview.error].find(
    (e) => e && !(e instanceof ApiProblem && e.fieldErrors.length > 0),
  )

  const p = preview.data
  // The counts and sample are of what the form says now, not of a draft typed over since.
  const current = ready && settled && !preview.isPlaceholderData && !preview.isError
  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    start.mutate({ action: 'sendMessage', selection, params: { subject, text } })
  }

  return (
    <Modal open={open} title="Send a message" onClose={onClose} busy={start.isPending} wide>
      <FieldErrorsContext.Provider value={fieldErrors}>
        <form className="stack" onSubmit={onSubmit}>
          <Field label="Subject" path="params.subject" required>
            {(control) => (
              <input
                {...control}
                className="input"
                required
                maxLength={200}
                value={subject}
                onChange={(e) => setSubject(e.target.value)}
              />
            )}
          </Field>
          <Field
            label="Message"
            path="params.text"
            required
            hint={`Variables: ${VARIABLES.join(' ')}. Customers can unsubscribe from these emails.`}
          >
            {(control) => (
              <textarea
                {...control}
                className="input textarea"
                required
                rows={6}
                value={text}
                onChange={(e) => setText(e.target.value)}
              />
            )}
          </Field>
          <p aria-live="polite" data-testid="message-reach">
            {!ready
              ? 'Write a subject and a message to see who gets it.'
              : !p
                ? 'Counting…'
                : `${p.recipients.toLocaleString()} of ${p.matched.toLocaleString()} customers will get it${
                    p.noEmail + p.unsubscribed > 0
                      ? `; skipped: ${p.noEmail.toLocaleString()} without an email, ${p.unsubscribed.toLocaleString()} unsubscribed`
                      : ''
                  }.`}
            {ready && preview.isFetching ? <span className="muted"> · updating</span> : null}
          </p>
          {p?.sample ? (
            <section aria-label="Preview" className="stack">
              <p className="muted small">
                As {p.sample.to} gets it — <strong>Subject:</strong>{' '}
                <span data-testid="message-preview-subject">{p.sample.subject}</span>
              </p>
              <iframe
                title="Message preview"
                sandbox=""
                srcDoc={p.sample.html}
                style={{ width: '100%', height: 320, border: 0 }}
              />
            </section>
          ) : null}
          {otherError ? <ErrorAlert error={otherError} title="The message was not sent" /> : null}
          <div className="dialog__actions">
            <button
              type="button"
              className="button button--secondary"
              onClick={onClose}
              disabled={start.isPending}
            >
              Cancel
            </button>
            <button
              type="submit"
              className="button button--primary"
              disabled={start.isPending || !current || !p || p.recipients === 0}
            >
              {start.isPending
                ? 'Sending…'
                : p && current
                  ? `Send to ${p.recipients.toLocaleString()} ${p.recipients === 1 ? 'customer' : 'customers'}`
                  : 'Send'}
            </button>
          </div>
        </form>
      </FieldErrorsContext.Provider>
    </Modal>
  )
}
