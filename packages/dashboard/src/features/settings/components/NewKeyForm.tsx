import { type FormEvent, useState } from 'react'
import { SelectField, TextField } from '../../../ui/form/Field'
import { FieldErrorsContext } from '../../../ui/form/FieldErrorsContext'
import { FormErrorSummary } from '../../../ui/form/FormErrorSummary'
import { useFormErrors } from '../../../ui/form/useFormErrors'
import type { CreatedApiKey } from '../api'
import { useCreateApiKey } from '../api'

const FIELDS = ['name', 'role'] as const
const ROLES = [
  { value: 'admin', label: 'Admin — read and write' },
  { value: 'viewer', label: 'Viewer — read only' },
]

export interface NewKeyFormProps {
  onCreated: (key: CreatedApiKey) => void
}

/** Names a new key and picks what it may do. */
export function NewKeyForm({ onCreated }: NewKeyFormProps) {
  const [name, setName] = useState('')
  const [role, setRole] = useState<'admin' | 'viewer'>('admin')
  const create = useCreateApiKey()
  const errors = useFormErrors(create.error, FIELDS)

  const submit = (e: FormEvent) => {
    e.preventDefault()
    create.mutate(
      { name, role },
      {
        onSuccess: (key) => {
          setName('')
          onCreated(key)
        },
      },
    )
  }

  return (
    <FieldErrorsContext.Provider value={errors.byField}>
      <form className="key-form" onSubmit={submit} noValidate aria-label="Create an API key">
        {errors.summary && !errors.byField.name && !errors.byField.role ? (
          <FormErrorSummary title={errors.summary} messages={errors.other} />
        ) : null}
        <TextField
          label="Name"
          path="name"
          value={name}
          onChange={setName}
          placeholder="e.g. Shop backend"
          required
        />
        <SelectField
          label="Access"
          path="role"
          value={role}
          onChange={(v) => setRole(v as 'admin' | 'viewer')}
          options={ROLES}
        />
        <button type="submit" className="button button--primary key-form__submit" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create key'}
        </button>
      </form>
    </FieldErrorsContext.Provider>
  )
}
