import { networkName } from '../../../chains/coins'
import { formatAssetAmount, formatMoney } from '../../../format/money'
import type { Checkout } from '../api'

export interface PaymentStatusProps {
  checkout: Checkout
}

/**
 * Where the payment stands, announced politely as it changes: waiting, seen with its confirmations, paid,
 * partially paid with the remainder, or overpaid.
 */
export function PaymentStatus({ checkout }: PaymentStatusProps) {
  const money = (amount: string) => formatMoney(amount, checkout.currency)
  const confirming = checkout.payments.filter((p) => p.status === 'seen')
  const { title, detail, tone } = headline(checkout, money)
  return (
    <section className={`checkout-status checkout-status--${tone}`} aria-live="polite" aria-atomic="true">
      <p className="checkout-status__title" data-testid="checkout-status">
        {title}
      </p>
      {detail ? <p className="checkout-status__detail">{detail}</p> : null}
      {confirming.length > 0 ? (
        <ul className="checkout-status__payments">
          {confirming.map((p) => (
            <li key={`${p.network}:${p.txHash}`}>
              {formatAssetAmount(p.amount, p.asset)} on {networkName(p.network)}: seen,{' '}
              {Math.min(p.confirmations, p.requiredConfirmations)} of {p.requiredConfirmations} confirmations
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  )
}

function headline(
  checkout: Checkout,
  money: (amount: string) => string,
): { title: string; detail?: string; tone: 'waiting' | 'seen' | 'partial' | 'paid' } {
  switch (checkout.status) {
    case 'paid':
      return {
        title: 'Paid',
        detail: `${money(checkout.amountPaid)} received${checkout.paidLate ? ' (after the rate lock expired)' : ''}. Thank you!`,
        tone: 'paid',
      }
    case 'overpaid':
      return {
        title: 'Overpaid',
        detail: `${money(checkout.amountPaid)} received for a total of ${money(checkout.total)}. The difference is kept as credit for your next invoice.`,
        tone: 'paid',
      }
    case 'partially_paid':
      return {
        title: 'Partially paid',
        detail: `${money(checkout.amountPaid)} received; ${money(checkout.amountDue)} remaining.`,
        tone: 'partial',
      }
    default:
      return checkout.payments.some((p) => p.status === 'seen')
        ? { title: 'Payment seen, confirming', tone: 'seen' }
        : { title: 'Waiting for payment', tone: 'waiting' }
  }
}
