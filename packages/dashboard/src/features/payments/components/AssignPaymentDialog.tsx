import { useId, useState } from 'react'
import { errorMessage } from '../../../api/problem'
import { networkName } from '../../../chains/coins'
import { formatAssetAmount } from '../../../format/money'
import { ConfirmDialog } from '../../../ui/ConfirmDialog'
import { useCustomerList } from '../../customers/hooks/queries'
import type { Payment } from '../api'
import { useAssignPayment } from '../hooks/queries'

export interface AssignPaymentDialogProps {
  /** The unattributed payment to assign; null closes the dialog. */
  payment: Payment | null
  onClose: () => void
}

/**
 * Gives a payment that reached the merchant's Solana or TON wallet without a customer's reference or
 * comment to a customer, found by name, email or company.
 */
export function AssignPaymentDialog({ payment, onClose }: AssignPaymentDialogProps) {
  const [q, setQ] = useState('')
  const [chosen, setChosen] = useState<string | null>(null)
  const [missing, setMissing] = useState(false)
  const assign = useAssignPayment()
  const search = useCustomerList({ q: q.trim() || undefined, limit: 8 })
  const listId = useId()
  const close = () => {
    setQ('')
    setChosen(null)
    setMissing(false)
    assign.reset()
    onClose()
  }
  const customers = search.data?.data ?? []
  return (
    <ConfirmDialog
      open={payment !== null}
      title="Assign payment to a customer"
      confirmLabel="Assign"
      focusBody
      busy={assign.isPending}
      error={missing ? 'Choose a customer first.' : assign.error ? errorMessage(assign.error) : null}
      onCancel={close}
      onConfirm={() => {
        if (!payment) return
        if (!chosen) {
          setMissing(true)
          return
        }
        assign.mutate({ id: payment.id, customerId: chosen }, { onSuccess: close })
      }}
    >
      {payment ? (
        <p>
          {formatAssetAmount(payment.amount, payment.asset)} on {networkName(payment.network)} reached your
          wallet without a customer’s {payment.network === 'ton' ? 'comment' : 'reference'}
          {payment.memo ? (
            <>
              {' '}
              (its comment: <code>{payment.memo}</code>)
            </>
          ) : null}
          . Whose is it? It will count in their lifetime value.
        </p>
      ) : null}
      <label className="field">
        <span className="field__label">Find a customer</span>
        <input
          className="input"
          type="search"
          value={q}
          placeholder="Name, email or company"
          aria-controls={listId}
          // biome-ignore lint/a11y/noAutofocus: the dialog opens to search for the customer
          autoFocus
          onChange={(e) => {
            setQ(e.target.value)
            setMissing(false)
          }}
        />
      </label>
      <fieldset className="assign-list" id={listId} aria-busy={search.isFetching}>
        <legend className="visually-hidden">Customers</legend>
        {search.isError ? (
          <p className="muted">Customers could not be loaded: {errorMessage(search.error)}</p>
        ) : customers.length === 0 && !search.isPending ? (
          <p className="muted">No customer matches “{q.trim()}”.</p>
        ) : (
          customers.map((c) => (
            <label key={c.id} className="assign-list__item">
              <input
                type="radio"
                name="customer"
                value={c.id}
                checked={chosen === c.id}
                onChange={() => {
                  setChosen(c.id)
                  setMissing(false)
                }}
              />
              <span>
                <strong>{c.name}</strong>
                {c.email || c.company ? <span className="muted"> · {c.email ?? c.company}</span> : null}
              </span>
            </label>
          ))
        )}
      </fieldset>
    </ConfirmDialog>
  )
}
