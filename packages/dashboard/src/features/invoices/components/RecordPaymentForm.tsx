import { type FormEvent, useState } from 'react'
import { errorMessage } from '../../../api/problem'
import { useRecordInvoicePayment } from '../hooks/queries'

export interface RecordPaymentFormProps {
  invoiceId: string
  currency: string
}

/** Records a payment made outside Coinbook (bank transfer, cash) in the invoice's currency. */
export function RecordPaymentForm({ invoiceId, currency }: RecordPaymentFormProps) {
  const record = useRecordInvoicePayment()
  const [amount, setAmount] = useState('')
  const [note, setNote] = useState('')
  const submit = (e: FormEvent) => {
    e.preventDefault()
    record.mutate(
      { id: invoiceId, arg: { amount: amount.trim(), ...(note.trim() ? { note: note.trim() } : {}) } },
      {
        onSuccess: () => {
          setAmount('')
          setNote('')
        },
      },
    )
  }
  return (
    <form className="inline-form" onSubmit={submit} aria-label="Record an off-chain payment">
      <label className="field">
        <span className="field__label">Amount ({currency})</span>
        <input
          className="input"
          inputMode="decimal"
          required
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
        />
      </label>
      <label className="field">
        <span className="field__label">Note</span>
        <input className="input" value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <button type="submit" className="button button--secondary" disabled={record.isPending}>
        Record payment
      </button>
      {record.isError ? (
        <p className="field__error" role="alert">
          {errorMessage(record.error)}
        </p>
      ) : null}
    </form>
  )
}
