import { type FormEvent, useState } from 'react'
import { ApiProblem } from '../../../api/problem'
import { TextField } from '../../../ui/form/Field'
import { FieldErrorsContext } from '../../../ui/form/FieldErrorsContext'
import { FormErrorSummary } from '../../../ui/form/FormErrorSummary'
import { useFormErrors } from '../../../ui/form/useFormErrors'
import type { WebhookEndpointWithSecret } from '../api'
import { useCreateEndpoint } from '../hooks/queries'
import { EventPicker } from './EventPicker'

const FIELDS = ['url', 'events', 'description'] as const

export interface NewEndpointFormProps {
  onCreated: (endpoint: WebhookEndpointWithSecret) => void
}

/** The URL to POST to, the events it receives and a note; the API checks the URL can be delivered to. */
export function NewEndpointForm({ onCreated }: NewEndpointFormProps) {
  const [url, setUrl] = useState('')
  const [description, setDescription] = useState('')
  const [events, setEvents] = useState<string[]>(['*'])
  const create = useCreateEndpoint()
  const errors = useFormErrors(create.error, FIELDS)
  // A refused URL (private address, not https…) is a 422 naming no field: it belongs to the URL.
  const refused =
    create.error instanceof ApiProblem &&
    create.error.fieldErrors.length === 0 &&
    typeof create.error.problem.reason === 'string'
      ? [create.error.detail]
      : []

  const submit = (e: FormEvent) => {
    e.preventDefault()
    create.mutate(
      {
        url: url.trim(),
        // The picker only offers the API's types; the API validates them again.
        events: events as Parameters<typeof create.mutate>[0]['events'],
        description: description.trim() || null,
      },
      {
        onSuccess: (endpoint) => {
          setUrl('')
          setDescription('')
          setEvents(['*'])
          onCreated(endpoint)
        },
      },
    )
  }

  return (
    <FieldErrorsContext.Provider value={errors.byField}>
      <form className="stack" onSubmit={submit} noValidate aria-label="Add a webhook endpoint">
        {errors.summary && refused.length === 0 && Object.keys(errors.byField).length === 0 ? (
          <FormErrorSummary title={errors.summary} messages={errors.other} />
        ) : null}
        <TextField
          label="Endpoint URL"
          path="url"
          type="text"
          inputMode="text"
          value={url}
          onChange={setUrl}
          placeholder="https://example.com/coinbook/webhooks"
          hint="Coinbook POSTs signed JSON here. Private, loopback and metadata addresses are refused."
          localErrors={refused}
          required
        />
        <TextField
          label="Description"
          path="description"
          value={description}
          onChange={setDescription}
          placeholder="e.g. Fulfilment service"
        />
        <EventPicker value={events} onChange={setEvents} errors={errors.byField.events} />
        <div className="form-actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={create.isPending || events.length === 0}
          >
            {create.isPending ? 'Adding…' : 'Add endpoint'}
          </button>
          {events.length === 0 ? <span className="muted">Pick at least one event.</span> : null}
        </div>
      </form>
    </FieldErrorsContext.Provider>
  )
}
