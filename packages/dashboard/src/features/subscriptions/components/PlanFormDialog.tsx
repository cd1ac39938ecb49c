import { type FormEvent, useState } from 'react'
import { currencyOptions } from '../../../format/countries'
import { SelectField, TextField } from '../../../ui/form/Field'
import { FieldErrorsContext } from '../../../ui/form/FieldErrorsContext'
import { FormErrorSummary } from '../../../ui/form/FormErrorSummary'
import { useFormErrors } from '../../../ui/form/useFormErrors'
import { Modal } from '../../../ui/Modal'
import type { Plan, PlanInterval } from '../api'
import { useCreatePlan } from '../hooks/queries'
import { intervalOptions } from '../labels'

const FIELDS = ['name', 'amount', 'currency', 'interval', 'intervalCount', 'trialDays'] as const

export interface PlanFormDialogProps {
  open: boolean
  onClose: () => void
  onCreated: (plan: Plan) => void
  defaultCurrency: string
}

/** A new plan: a name, a price per interval (every N days … years) and an optional trial. */
export function PlanFormDialog({ open, onClose, onCreated, defaultCurrency }: PlanFormDialogProps) {
  const create = useCreatePlan()
  const [name, setName] = useState('')
  const [amount, setAmount] = useState('')
  const [currency, setCurrency] = useState(defaultCurrency)
  const [interval, setInterval] = useState<PlanInterval>('month')
  const [intervalCount, setIntervalCount] = useState('1')
  const [trialDays, setTrialDays] = useState('0')
  const errors = useFormErrors(create.error, FIELDS)
  const close = () => {
    setName('')
    setAmount('')
    create.reset()
    onClose()
  }
  const whole = (v: string) => (/^\d+$/.test(v.trim()) ? Number(v.trim()) : (v as unknown as number))
  const submit = (e: FormEvent) => {
    e.preventDefault()
    create.mutate(
      {
        name: name.trim(),
        amount: amount.trim(),
        currency,
        interval,
        // A non-number is sent as typed: the API names the field and says why.
        intervalCount: whole(intervalCount),
        trialDays: whole(trialDays),
      },
      {
        onSuccess: (plan) => {
          close()
          onCreated(plan)
        },
      },
    )
  }
  return (
    <Modal open={open} title="New plan" onClose={close} busy={create.isPending}>
      <FieldErrorsContext.Provider value={errors.byField}>
        <form onSubmit={submit} noValidate aria-label="New plan">
          <div className="dialog__body">
            {errors.summary ? <FormErrorSummary title={errors.summary} messages={errors.other} /> : null}
            <TextField label="Name" path="name" required value={name} onChange={setName} autoFocus />
            <div className="inline-fields">
              <TextField
                label="Price"
                path="amount"
                required
                inputMode="decimal"
                placeholder="29.00"
                value={amount}
                onChange={setAmount}
              />
              <SelectField
                label="Currency"
                path="currency"
                value={currency}
                onChange={setCurrency}
                options={currencyOptions().map((c) => ({ value: c, label: c }))}
              />
            </div>
            <div className="inline-fields">
              <TextField
                label="Every"
                path="intervalCount"
                inputMode="numeric"
                value={intervalCount}
                onChange={setIntervalCount}
              />
              <SelectField
                label="Interval"
                path="interval"
                value={interval}
                onChange={(v) => setInterval(v as PlanInterval)}
                options={intervalOptions}
              />
            </div>
            <TextField
              label="Trial days"
              path="trialDays"
              inputMode="numeric"
              value={trialDays}
              onChange={setTrialDays}
              hint="0 for none; the first invoice is issued when the trial ends."
            />
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
              {create.isPending ? 'Creating…' : 'Create plan'}
            </button>
          </div>
        </form>
      </FieldErrorsContext.Provider>
    </Modal>
  )
}
