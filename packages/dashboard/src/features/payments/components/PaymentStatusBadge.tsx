import { Badge } from '../../../ui/Badge'
import type { Payment } from '../api'
import { paymentStatusHelp, paymentStatusLabel, paymentStatusTone } from '../labels'

export interface PaymentStatusBadgeProps {
  payment: Pick<Payment, 'status' | 'confirmations' | 'requiredConfirmations'>
}

/**
 * The payment's status; while pending, with its confirmations out of those required ("Pending 2/3").
 * Screen readers hear "2 of 3 confirmations" rather than a fraction.
 */
export function PaymentStatusBadge({ payment }: PaymentStatusBadgeProps) {
  const { status, confirmations, requiredConfirmations: required } = payment
  const label = paymentStatusLabel[status] ?? status
  const tone = paymentStatusTone[status] ?? 'neutral'
  const count = `${confirmations} of ${required} confirmation${required === 1 ? '' : 's'}`
  if (status === 'pending') {
    return (
      <Badge tone={tone} title={`${paymentStatusHelp.pending}: ${count}`}>
        {label}
        <span className="badge__count" aria-hidden="true">
          {Math.min(confirmations, required)}/{required}
        </span>
        <span className="visually-hidden">, {count}</span>
      </Badge>
    )
  }
  const help = paymentStatusHelp[status] ?? ''
  const title = status === 'confirmed' ? `${help} (${confirmations} confirmations)` : help
  return (
    <Badge tone={tone} title={title}>
      {label}
    </Badge>
  )
}
