import { type FormEvent, useState } from 'react'
import { formatMoneyOrDash } from '../../../format/money'
import { Field, SelectField, TextField } from '../../../ui/form/Field'
import { FieldErrorsContext } from '../../../ui/form/FieldErrorsContext'
import { FormErrorSummary } from '../../../ui/form/FormErrorSummary'
import { useFormErrors } from '../../../ui/form/useFormErrors'
import { Modal } from '../../../ui/Modal'
import { CustomerPicker, type PickedCustomer } from '../../customers/components/picker/CustomerPicker'
import type { SubscriptionDetail } from '../api'
import { useCreateSubscription, usePlans } from '../hooks/queries'
import { billingPeriodLabel } from '../labels'

const FIELDS = ['customerId', 'planId', 'startDate'] as const

export interface SubscribeDialogProps {
  open: boolean
  onClose: () => void
  onCreated: (subscription: SubscriptionDetail) => void
  /** A plan picked beforehand (the Plans page's "Subscribe a customer"). */
  planId?: string | undefined
  customer?: PickedCustomer | null
}

/** Subscribes a customer to a plan from a start date (today by default). */
export function SubscribeDialog({ open, onClose, onCreated, planId, customer = null }: SubscribeDialogProps) {
  const create = useCreateSubscription()
  const plans = usePlans({ limit: 100 })
  const [picked, setPicked] = useState<PickedCustomer | null>(customer)
  const [plan, setPlan] = useState(planId ?? '')
  const [startDate, setStartDate] = useState('')
  const [missing, setMissing] = useState<{ path: string; message: string }[]>([])
  const errors = useFormErrors(missing.length ? null : create.error, FIELDS, missing)
  const close = () => {
    create.reset()
    setMissing([])
    onClose()
  }
  const choices = plans.data?.data ?? []
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const chosenPlan = plan || choices[0]?.id || ''
    const found = [
      ...(picked ? [] : [{ path: 'customerId', message: 'Choose a customer' }]),
      ...(chosenPlan ? [] : [{ path: 'planId', message: 'Create a plan first' }]),
    ]
    setMissing(found)
    if (!picked || !chosenPlan) return
    create.mutate(
      { customerId: picked.id, planId: chosenPlan, ...(startDate ? { startDate } : {}) },
      {
        onSuccess: (sub) => {
          close()
          onCreated(sub)
        },
      },
    )
  }
  return (
    <Modal open={open} title="Subscribe a customer" onClose={close} busy={create.isPending}>
      <FieldErrorsContext.Provider value={errors.byField}>
        <form onSubmit={submit} noValidate aria-label="Subscribe a customer">
          <div className="dialog__body">
            {errors.summary ? <FormErrorSummary title={errors.summary} messages={errors.other} /> : null}
            <Field label="Customer" path="customerId" required>
              {(control) => <CustomerPicker value={picked} onChange={setPicked} control={control} />}
            </Field>
            <SelectField
              label="Plan"
              path="planId"
              required
              value={plan || choices[0]?.id || ''}
              onChange={setPlan}
              options={choices.map((p) => ({
                value: p.id,
                label: `${p.name} — ${formatMoneyOrDash(p.amount, p.currency)} ${billingPeriodLabel(p)}${p.trialDays ? `, ${p.trialDays}-day trial` : ''}`,
              }))}
            />
            <TextField
              label="Start date"
              path="startDate"
              type="date"
              value={startDate}
              onChange={setStartDate}
              hint="Empty: today. Without a trial, the first invoice is issued on the start date."
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
              {create.isPending ? 'Subscribing…' : 'Subscribe'}
            </button>
          </div>
        </form>
      </FieldErrorsContext.Provider>
    </Modal>
  )
}
