import { type FormEvent, useState } from 'react'
import { currencyOptions } from '../../../format/countries'
import { SelectField, TextField } from '../../../ui/form/Field'
import { FieldErrorsContext } from '../../../ui/form/FieldErrorsContext'
import { FormErrorSummary } from '../../../ui/form/FormErrorSummary'
import { useFormErrors } from '../../../ui/form/useFormErrors'
import { Modal } from '../../../ui/Modal'
import { FIELD_LABELS, type PaymentLink, type PaymentLinkField } from '../api'
import { useCreatePaymentLink } from '../hooks/queries'

const FIELDS = [
  'title',
  'description',
  'amount',
  'currency',
  'collect',
  'maxUses',
  'expiresAt',
  'accepts',
] as const
const COLLECTABLE = Object.keys(FIELD_LABELS) as PaymentLinkField[]

export interface PaymentLinkFormDialogProps {
  open: boolean
  onClose: () => void
  onCreated: (link: PaymentLink) => void
  defaultCurrency: string
}

/** A new payment link: title, a fixed price or the payer's amount, what to ask, and optional limits. */
export function PaymentLinkFormDialog({
  open,
  onClose,
  onCreated,
  defaultCurrency,
}: PaymentLinkFormDialogProps) {
  const create = useCreatePaymentLink()
  const [title, setTitle] = useState('')
  const [description, setDescription] = useState('')
  const [amount, setAmount] = useState('')
  const [customAmount, setCustomAmount] = useState(false)
  const [currency, setCurrency] = useState(defaultCurrency)
  const [collect, setCollect] = useState<PaymentLinkField[]>(['name', 'email'])
  const [maxUses, setMaxUses] = useState('')
  const [expiresOn, setExpiresOn] = useState('')
  const errors = useFormErrors(create.error, FIELDS)
  const close = () => {
    setTitle('')
    setDescription('')
    setAmount('')
    setMaxUses('')
    setExpiresOn('')
    create.reset()
    onClose()
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const uses = maxUses.trim()
    create.mutate(
      {
        title: title.trim(),
        ...(description.trim() ? { description: description.trim() } : {}),
        ...(customAmount ? { customAmount: true } : { amount: amount.trim() }),
        currency,
        collect,
        // A non-number is sent as typed: the API names the field and says why.
        ...(uses ? { maxUses: /^\d+$/.test(uses) ? Number(uses) : (uses as unknown as number) } : {}),
        // The end of the chosen day, in the merchant's time zone.
        ...(expiresOn ? { expiresAt: new Date(`${expiresOn}T23:59:59`).toISOString() } : {}),
      },
      {
        onSuccess: (link) => {
          close()
          onCreated(link)
        },
      },
    )
  }
  const toggle = (field: PaymentLinkField, on: boolean) =>
    setCollect((list) =>
      on ? COLLECTABLE.filter((f) => f === field || list.includes(f)) : list.filter((f) => f !== field),
    )
  return (
    <Modal open={open} title="New payment link" onClose={close} busy={create.isPending}>
      <FieldErrorsContext.Provider value={errors.byField}>
        <form onSubmit={submit} noValidate aria-label="New payment link">
          <div className="dialog__body">
            {errors.summary ? <FormErrorSummary title={errors.summary} messages={errors.other} /> : null}
            <TextField label="Title" path="title" required value={title} onChange={setTitle} autoFocus />
            <TextField label="Description" path="description" value={description} onChange={setDescription} />
            <label className="checkbox-field">
              <input
                type="checkbox"
                checked={customAmount}
                onChange={(e) => setCustomAmount(e.target.checked)}
              />{' '}
              The payer chooses the amount
            </label>
            <div className="inline-fields">
              {customAmount ? null : (
                <TextField
                  label="Price"
                  path="amount"
                  required
                  inputMode="decimal"
                  placeholder="25.00"
                  value={amount}
                  onChange={setAmount}
                />
              )}
              <SelectField
                label="Currency"
                path="currency"
                value={currency}
                onChange={setCurrency}
                options={currencyOptions().map((c) => ({ value: c, label: c }))}
              />
            </div>
            <fieldset className="accepts">
              <legend className="field__label">Ask the payer for</legend>
              {COLLECTABLE.map((field) => (
                <label key={field} className="checkbox-field">
                  <input
                    type="checkbox"
                    checked={collect.includes(field)}
                    onChange={(e) => toggle(field, e.target.checked)}
                  />{' '}
                  {FIELD_LABELS[field]}
                </label>
              ))}
              <p className="field__hint">
                With an email, a payer who is already a customer is matched to their profile.
              </p>
            </fieldset>
            <div className="inline-fields">
              <TextField
                label="Maximum payers"
                path="maxUses"
                inputMode="numeric"
                value={maxUses}
                onChange={setMaxUses}
                hint="Empty for no limit."
              />
              <TextField
                label="Expires on"
                path="expiresAt"
                type="date"
                value={expiresOn}
                onChange={setExpiresOn}
              />
            </div>
            <p className="field__hint">The link accepts every coin you have a wallet for.</p>
          </div>
          <div className="dialog__actions">
            <button
              type="button"
              className="button button--secondary"
              onClick={close}
              disabled={create.isPending}
            >
              Cancel
            </button>
            <button type="submit" className="button button--primary" disabled={create.isPending}>
              {create.isPending ? 'Creating…' : 'Create link'}
            </button>
          </div>
        </form>
      </FieldErrorsContext.Provider>
    </Modal>
  )
}
