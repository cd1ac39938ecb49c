import { type FormEvent, useState } from 'react'
import { Link } from 'react-router'
import type { FieldError } from '../../../../api/problem'
import type { Coin } from '../../../../chains/coins'
import { currencyOptions } from '../../../../format/countries'
import { Field, SelectField, TextField } from '../../../../ui/form/Field'
import { FieldErrorsContext } from '../../../../ui/form/FieldErrorsContext'
import { FormErrorSummary } from '../../../../ui/form/FormErrorSummary'
import { useFormErrors } from '../../../../ui/form/useFormErrors'
import { Modal } from '../../../../ui/Modal'
import type { ChargeInput, ChargeResult } from '../../api'
import { useChargeCustomer, useInvoice, usePaymentOptions } from '../../hooks/queries'
import { AcceptsPicker } from '../editor/AcceptsPicker'
import { ChargeResultView } from './ChargeResultView'

const FIELDS = ['amount', 'currency', 'description', 'accepts'] as const
const AMOUNT = /^\d{1,12}(\.\d{1,6})?$/

export interface ChargeNowDialogProps {
  open: boolean
  onClose: () => void
  customer: { id: string; name: string; preferredFiat: string | null }
  /** The merchant's reporting currency, when the customer has no preferred fiat. */
  defaultCurrency: string
  /** How often the charged invoice is read again until it is settled (ms). */
  pollInterval?: number
}

/** Followed every few seconds until it is settled, so the dialog turns "Paid" by itself. */
function FollowedResult({ result, pollInterval }: { result: ChargeResult; pollInterval: number }) {
  const live = useInvoice(result.invoice.id, {
    refetchInterval: (q) =>
      ['paid', 'overpaid', 'void'].includes(q.state.data?.status ?? '') ? false : pollInterval,
  })
  return <ChargeResultView result={result} invoice={live.data ?? result.invoice} />
}

/**
 * "Charge now": an amount, a description and the coins; the answer is a sent invoice due today with a pay
 * link and a QR per coin to show a customer standing at the counter.
 */
export function ChargeNowDialog({
  open,
  onClose,
  customer,
  defaultCurrency,
  pollInterval = 4000,
}: ChargeNowDialogProps) {
  const charge = useChargeCustomer(customer.id)
  const options = usePaymentOptions()
  const [amount, setAmount] = useState('')
  const [currency, setCurrency] = useState(customer.preferredFiat ?? defaultCurrency)
  const [description, setDescription] = useState('')
  const [accepts, setAccepts] = useState<Coin[]>([])
  const [localErrors, setLocalErrors] = useState<FieldError[]>([])
  const errors = useFormErrors(localErrors.length ? null : charge.error, FIELDS, localErrors)

  const close = () => {
    setAmount('')
    setDescription('')
    setAccepts([])
    setLocalErrors([])
    charge.reset()
    onClose()
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const found: FieldError[] = []
    const a = amount.trim()
    if (!AMOUNT.test(a) || !/[1-9]/.test(a))
      found.push({ path: 'amount', message: 'must be a positive amount such as 25.00' })
    if (!description.trim()) found.push({ path: 'description', message: 'is required' })
    setLocalErrors(found)
    if (found.length) return
    const input: ChargeInput = {
      amount: a,
      currency,
      description: description.trim(),
      ...(accepts.length
        ? { accepts: accepts.map((c) => ({ ...c }) as NonNullable<ChargeInput['accepts']>[number]) }
        : {}),
    }
    charge.mutate(input)
  }

  return (
    <Modal open={open} title={`Charge ${customer.name} now`} onClose={close} wide busy={charge.isPending}>
      {charge.data ? (
        <>
          <FollowedResult result={charge.data} pollInterval={pollInterval} />
          <div className="dialog__actions">
            <Link to={`/invoices/${charge.data.invoice.id}`} className="button button--secondary">
              Open invoice
            </Link>
            <button type="button" className="button button--primary" onClick={close}>
              Done
            </button>
          </div>
        </>
      ) : (
        <FieldErrorsContext.Provider value={errors.byField}>
          <form onSubmit={submit} noValidate aria-label="Charge now">
            <div className="dialog__body">
              {errors.summary ? <FormErrorSummary title={errors.summary} messages={errors.other} /> : null}
              <div className="inline-fields">
                <TextField
                  label="Amount"
                  path="amount"
                  required
                  inputMode="decimal"
                  placeholder="25.00"
                  value={amount}
                  onChange={setAmount}
                  autoFocus
                />
                <SelectField
                  label="Currency"
                  path="currency"
                  value={currency}
                  onChange={setCurrency}
                  options={currencyOptions().map((c) => ({ value: c, label: c }))}
                />
              </div>
              <TextField
                label="Description"
                path="description"
                required
                placeholder="What they pay for"
                value={description}
                onChange={setDescription}
              />
              <Field
                label="Coins"
                path="accepts"
                hint="None ticked: the customer’s preferred coins you receive."
              >
                {(control) => (
                  <AcceptsPicker
                    options={options.data?.data ?? []}
                    value={accepts}
                    onChange={setAccepts}
                    control={control}
                  />
                )}
              </Field>
            </div>
            <div className="dialog__actions">
              <button
                type="button"
                className="button button--secondary"
                onClick={close}
                disabled={charge.isPending}
              >
                Cancel
              </button>
              <button type="submit" className="button button--primary" disabled={charge.isPending}>
                {charge.isPending ? 'Charging…' : 'Charge'}
              </button>
            </div>
          </form>
        </FieldErrorsContext.Provider>
      )}
    </Modal>
  )
}
