import { type FormEvent, useState } from 'react'
import { formatMoney } from '../../../format/money'
import { TextField } from '../../../ui/form/Field'
import { FieldErrorsContext } from '../../../ui/form/FieldErrorsContext'
import { FormErrorSummary } from '../../../ui/form/FormErrorSummary'
import { useFormErrors } from '../../../ui/form/useFormErrors'
import type { PublicPaymentLink, StartPaymentLinkSessionInput } from '../api'

const FIELDS = [
  'name',
  'email',
  'phone',
  'billingAddress',
  'billingAddress.line1',
  'billingAddress.city',
  'billingAddress.postalCode',
  'billingAddress.country',
  'amount',
] as const

export interface PayLinkFormProps {
  link: PublicPaymentLink
  onSubmit: (input: StartPaymentLinkSessionInput) => void
  busy: boolean
  error: unknown
}

/** What the link asks the payer for, and the amount when they choose it. */
export function PayLinkForm({ link, onSubmit, busy, error }: PayLinkFormProps) {
  const [values, setValues] = useState<Record<string, string>>({})
  const set = (key: string) => (v: string) => setValues((old) => ({ ...old, [key]: v }))
  const value = (key: string) => values[key] ?? ''
  const errors = useFormErrors(error, FIELDS)
  const asks = (f: PublicPaymentLink['collect'][number]) => link.collect.includes(f)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const trimmed = (key: string) => value(key).trim() || undefined
    const address = {
      line1: trimmed('line1'),
      city: trimmed('city'),
      postalCode: trimmed('postalCode'),
      country: trimmed('country'),
    }
    // An empty answer is left out, so the API says the link asks for it.
    const answer = (key: 'name' | 'email' | 'phone') => {
      const v = asks(key) ? trimmed(key) : undefined
      return v === undefined ? {} : { [key]: v }
    }
    onSubmit({
      ...answer('name'),
      ...answer('email'),
      ...answer('phone'),
      ...(asks('billingAddress')
        ? { billingAddress: Object.fromEntries(Object.entries(address).filter(([, v]) => v !== undefined)) }
        : {}),
      ...(link.customAmount && trimmed('amount') ? { amount: trimmed('amount') } : {}),
    })
  }
  return (
    <section className="checkout-card" aria-labelledby="pay-link-form-title">
      <h2 id="pay-link-form-title" className="checkout-card__title">
        {link.customAmount ? 'Your details and amount' : 'Your details'}
      </h2>
      <FieldErrorsContext.Provider value={errors.byField}>
        <form onSubmit={submit} noValidate aria-label="Your details">
          {errors.summary ? <FormErrorSummary title={errors.summary} messages={errors.other} /> : null}
          {link.customAmount ? (
            <TextField
              label={`Amount (${link.currency})`}
              path="amount"
              required
              inputMode="decimal"
              value={value('amount')}
              onChange={set('amount')}
            />
          ) : null}
          {asks('name') ? (
            <TextField
              label="Name"
              path="name"
              required
              autoComplete="name"
              value={value('name')}
              onChange={set('name')}
            />
          ) : null}
          {asks('email') ? (
            <TextField
              label="Email"
              path="email"
              type="email"
              required
              autoComplete="email"
              value={value('email')}
              onChange={set('email')}
            />
          ) : null}
          {asks('phone') ? (
            <TextField
              label="Phone"
              path="phone"
              type="tel"
              required
              autoComplete="tel"
              value={value('phone')}
              onChange={set('phone')}
            />
          ) : null}
          {asks('billingAddress') ? (
            <fieldset className="accepts">
              <legend className="field__label">Billing address</legend>
              <TextField
                label="Address"
                path="billingAddress.line1"
                value={value('line1')}
                onChange={set('line1')}
              />
              <TextField
                label="City"
                path="billingAddress.city"
                value={value('city')}
                onChange={set('city')}
              />
              <TextField
                label="Postal code"
                path="billingAddress.postalCode"
                value={value('postalCode')}
                onChange={set('postalCode')}
              />
              <TextField
                label="Country (2 letters)"
                path="billingAddress.country"
                value={value('country')}
                onChange={set('country')}
              />
            </fieldset>
          ) : null}
          <button type="submit" className="button button--primary button--block" disabled={busy}>
            {busy
              ? 'Please wait…'
              : link.amount
                ? `Continue to pay ${formatMoney(link.amount, link.currency)}`
                : 'Continue to pay'}
          </button>
        </form>
      </FieldErrorsContext.Provider>
    </section>
  )
}
