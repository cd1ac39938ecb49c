import { type FormEvent, useState } from 'react'
import type { FieldError } from '../../../api/problem'
import { networkName } from '../../../chains/coins'
import { formatAssetAmount, formatMoneyOrDash } from '../../../format/money'
import { ErrorAlert } from '../../../ui/Alert'
import { Field, TextField } from '../../../ui/form/Field'
import { FieldErrorsContext } from '../../../ui/form/FieldErrorsContext'
import { FormErrorSummary } from '../../../ui/form/FormErrorSummary'
import { useFormErrors } from '../../../ui/form/useFormErrors'
import { Modal } from '../../../ui/Modal'
import { LoadingBlock } from '../../../ui/Spinner'
import { usePaymentMethods } from '../../payment-methods/api'
import type { CreateRefundInput, PaymentDetail } from '../api'
import { useCreateRefund, usePayment } from '../hooks/queries'
import { isRefundable, refundableAmount } from '../refundable'
import { RefundList } from './RefundList'

const FIELDS = ['amount', 'address', 'memo', 'txHash', 'note'] as const
const AMOUNT = /^\d+(\.\d+)?$/

export interface RefundPaymentDialogProps {
  /** The payment to refund (or whose refunds to show); null closes the dialog. */
  paymentId: string | null
  /** Viewers see the refunds but get no form. */
  canRefund: boolean
  onClose: () => void
}

/**
 * Records a refund of a confirmed payment — amount in its coin (with a "Max" for what is left), the address
 * (the customer's refund address on the network, prefilled), the refund's transaction and a note — and
 * lists the refunds already recorded.
 */
export function RefundPaymentDialog({ paymentId, canRefund, onClose }: RefundPaymentDialogProps) {
  const payment = usePayment(paymentId)
  const create = useCreateRefund()
  const close = () => {
    create.reset()
    onClose()
  }
  const p = payment.data
  return (
    <Modal open={paymentId !== null} title="Refund payment" onClose={close} busy={create.isPending}>
      {payment.isError ? (
        <div className="dialog__body">
          <ErrorAlert error={payment.error} title="The payment could not be loaded" />
        </div>
      ) : !p || p.id !== paymentId ? (
        <LoadingBlock label="Loading the payment" />
      ) : (
        <>
          <div className="dialog__body">
            <p>
              {formatAssetAmount(p.amount, p.asset)} on {networkName(p.network)}
              {p.fiatValue !== null ? ` (${formatMoneyOrDash(p.fiatValue, p.fiatCurrency)})` : ''}
              {p.customerName ? ` from ${p.customerName}` : ''}.{' '}
              {p.refundStatus === 'none'
                ? 'Nothing refunded yet.'
                : `Refunded ${formatAssetAmount(p.refundedAmount, p.asset)}; ${formatAssetAmount(refundableAmount(p), p.asset)} left.`}
            </p>
            <RefundList refunds={p.refunds} />
            {!canRefund || isRefundable(p) ? null : (
              <p className="muted">
                {p.refundStatus === 'full'
                  ? 'The whole amount was refunded.'
                  : 'Only a confirmed payment of a customer can be refunded.'}
              </p>
            )}
          </div>
          {canRefund && isRefundable(p) && p.customerId ? (
            <RefundForm payment={p} customerId={p.customerId} create={create} onDone={close} />
          ) : (
            <div className="dialog__actions">
              <button type="button" className="button button--secondary" onClick={close}>
                Close
              </button>
            </div>
          )}
        </>
      )}
    </Modal>
  )
}

interface RefundFormProps {
  payment: PaymentDetail
  customerId: string
  create: ReturnType<typeof useCreateRefund>
  onDone: () => void
}

function RefundForm({ payment, customerId, create, onDone }: RefundFormProps) {
  const methods = usePaymentMethods(customerId)
  const saved = methods.data?.refundAddresses.find((a) => a.network === payment.network)
  const [amount, setAmount] = useState('')
  // null: not typed in, so the customer's saved refund address (once loaded) shows.
  const [address, setAddress] = useState<string | null>(null)
  const [memo, setMemo] = useState<string | null>(null)
  const [txHash, setTxHash] = useState('')
  const [note, setNote] = useState('')
  const [localErrors, setLocalErrors] = useState<FieldError[]>([])
  const errors = useFormErrors(localErrors.length ? null : create.error, FIELDS, localErrors)
  const shownAddress = address ?? saved?.address ?? ''
  const shownMemo = memo ?? saved?.memo ?? ''
  const left = refundableAmount(payment)

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const found: FieldError[] = []
    const a = amount.trim()
    if (!AMOUNT.test(a) || !/[1-9]/.test(a))
      found.push({
        path: 'amount',
        message: `must be a positive amount of ${payment.asset}, at most ${left}`,
      })
    if (!shownAddress.trim()) found.push({ path: 'address', message: 'is required' })
    setLocalErrors(found)
    if (found.length) return
    const input: CreateRefundInput = {
      amount: a,
      address: shownAddress.trim(),
      ...(payment.network === 'ton' && shownMemo.trim() ? { memo: shownMemo.trim() } : {}),
      ...(txHash.trim() ? { txHash: txHash.trim() } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    }
    create.mutate({ id: payment.id, input }, { onSuccess: onDone })
  }

  return (
    <FieldErrorsContext.Provider value={errors.byField}>
      <form onSubmit={submit} noValidate aria-label="Refund">
        <div className="dialog__body">
          {errors.summary ? <FormErrorSummary title={errors.summary} messages={errors.other} /> : null}
          <Field label={`Amount (${payment.asset})`} path="amount" required hint={`At most ${left}`}>
            {(control) => (
              <div className="inline-fields">
                <input
                  {...control}
                  className="input"
                  inputMode="decimal"
                  required
                  value={amount}
                  // biome-ignore lint/a11y/noAutofocus: the dialog opens to type the amount
                  autoFocus
                  onChange={(e) => setAmount(e.target.value)}
                />
                <button type="button" className="button button--secondary" onClick={() => setAmount(left)}>
                  Max
                </button>
              </div>
            )}
          </Field>
          <TextField
            label={`Refund address (${networkName(payment.network)})`}
            path="address"
            required
            value={shownAddress}
            onChange={setAddress}
            hint={
              saved
                ? 'The customer’s refund address on this network; change it to send elsewhere.'
                : 'The customer has no refund address on this network.'
            }
          />
          {payment.network === 'ton' ? (
            <TextField label="Comment (TON)" path="memo" value={shownMemo} onChange={setMemo} />
          ) : null}
          <TextField
            label="Transaction hash"
            path="txHash"
            value={txHash}
            onChange={setTxHash}
            hint="Of the refund you sent, if you have it: it is recorded once."
          />
          <TextField label="Note" path="note" value={note} onChange={setNote} />
        </div>
        <div className="dialog__actions">
          <button
            type="button"
            className="button button--secondary"
            onClick={onDone}
            disabled={create.isPending}
          >
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            {create.isPending ? 'Working…' : 'Record refund'}
          </button>
        </div>
      </form>
    </FieldErrorsContext.Provider>
  )
}
