import type { CreateCustomerInput, UpdateCustomerInput } from '@coinbook/api/contracts'
import { type FormEvent, useCallback, useMemo, useState } from 'react'
import { Link } from 'react-router'
import type { FieldError } from '../../../../api/problem'
import { Alert } from '../../../../ui/Alert'
import { FieldErrorsContext } from '../../../../ui/form/FieldErrorsContext'
import { FormErrorSummary } from '../../../../ui/form/FormErrorSummary'
import { useFormErrors } from '../../../../ui/form/useFormErrors'
import type { CustomerDto } from '../../api'
import { existingCustomerFrom } from '../../conflict'
import {
  CUSTOMER_FORM_FIELDS,
  type CustomerFormValues,
  formValuesFrom,
  toCreateInput,
  toUpdateInput,
} from '../../form-values'
import { AddressesSection } from './sections/AddressesSection'
import { ClassificationSection } from './sections/ClassificationSection'
import { CompanySection } from './sections/CompanySection'
import { ContactSection } from './sections/ContactSection'
import { IdentitySection } from './sections/IdentitySection'
import { CustomFieldsSection, NotesSection } from './sections/NotesSection'
import { PreferencesSection } from './sections/PreferencesSection'
import type { SetFormValue } from './types'

export type CustomerFormSubmit =
  | { mode: 'create'; input: CreateCustomerInput }
  | { mode: 'update'; input: UpdateCustomerInput }

export interface CustomerFormProps {
  /** The customer being edited; absent for a new one. */
  customer?: CustomerDto
  onSubmit: (submit: CustomerFormSubmit) => void
  onCancel: () => void
  pending: boolean
  /** The error of the last submit, from the API. */
  error: unknown
}

/** Every field of a customer, grouped, with the API's messages next to the fields they concern. */
export function CustomerForm({ customer, onSubmit, onCancel, pending, error }: CustomerFormProps) {
  const initial = useMemo(() => formValuesFrom(customer), [customer])
  const [values, setValues] = useState<CustomerFormValues>(initial)
  const [localErrors, setLocalErrors] = useState<FieldError[]>([])
  const errors = useFormErrors(localErrors.length ? null : error, CUSTOMER_FORM_FIELDS, localErrors)
  const existing = useMemo(() => existingCustomerFrom(error), [error])

  const set = useCallback<SetFormValue>((key, value) => setValues((v) => ({ ...v, [key]: value })), [])

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (customer) {
      const { input, errors: found } = toUpdateInput(values, initial)
      setLocalErrors(found)
      if (!found.length) onSubmit({ mode: 'update', input })
    } else {
      const { input, errors: found } = toCreateInput(values)
      setLocalErrors(found)
      if (!found.length) onSubmit({ mode: 'create', input })
    }
  }

  const byField = useMemo(() => {
    if (!existing || errors.byField[existing.field]?.length) return errors.byField
    // The conflict is about one field even when the API names no field error for it.
    return { ...errors.byField, [existing.field]: ['is already used by another customer'] }
  }, [errors.byField, existing])

  return (
    <FieldErrorsContext.Provider value={byField}>
      <form
        className="customer-form"
        onSubmit={submit}
        noValidate
        aria-label={customer ? 'Edit customer' : 'New customer'}
      >
        {existing ? (
          <Alert
            tone="error"
            title={`This ${existing.field === 'customId' ? 'custom ID' : 'email'} already belongs to a customer`}
          >
            <Link to={`/customers/${existing.id}`}>
              {existing.name ?? 'The existing customer'}
              {existing.email ? ` (${existing.email})` : ''}
            </Link>{' '}
            already uses it. Open that profile, or use another{' '}
            {existing.field === 'customId' ? 'ID' : 'email'}.
          </Alert>
        ) : errors.summary ? (
          <FormErrorSummary title={errors.summary} messages={errors.other} />
        ) : null}
        <IdentitySection values={values} set={set} />
        <ContactSection values={values} set={set} />
        <CompanySection values={values} set={set} />
        <AddressesSection values={values} set={set} />
        <PreferencesSection values={values} set={set} />
        <ClassificationSection values={values} set={set} />
        <NotesSection values={values} set={set} />
        <CustomFieldsSection values={values} set={set} />
        <div className="form-actions">
          <button type="button" className="button button--secondary" onClick={onCancel} disabled={pending}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={pending}>
            {pending ? 'Saving…' : customer ? 'Save changes' : 'Create customer'}
          </button>
        </div>
      </form>
    </FieldErrorsContext.Provider>
  )
}
