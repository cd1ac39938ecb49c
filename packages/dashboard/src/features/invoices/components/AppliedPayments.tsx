import { networkName } from '../../../chains/coins'
import { formatDateTime } from '../../../format/dates'
import { formatAssetAmount, formatMoneyOrDash } from '../../../format/money'
import { Badge } from '../../../ui/Badge'
import { ExternalLinkIcon } from '../../../ui/icons'
import { RefundList } from '../../payments/components/RefundList'
import type { Invoice } from '../api'
import { appliedStatusLabel, methodLabel } from '../labels'

export interface AppliedPaymentsProps {
  invoice: Pick<Invoice, 'payments' | 'currency'>
  /** Offers "Refund…" on confirmed on-chain payments (not for viewers). */
  onRefund?: ((paymentId: string) => void) | undefined
}

/**
 * What was applied to the invoice: coin amount, rate and value, and whether it counts yet; under an on-chain
 * payment, its refunds (which leave the invoice as it is).
 */
export function AppliedPayments({ invoice, onRefund }: AppliedPaymentsProps) {
  if (invoice.payments.length === 0) return <p className="muted">No payments yet.</p>
  return (
    <div className="table-wrap">
      <table className="table" aria-label="Payments applied">
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Method</th>
            <th scope="col" className="num">
              Paid
            </th>
            <th scope="col" className="num">
              Rate
            </th>
            <th scope="col" className="num">
              Value
            </th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {invoice.payments.map((p) => (
            <tr key={p.id}>
              <td className="nowrap">
                <time dateTime={p.createdAt}>{formatDateTime(p.createdAt)}</time>
              </td>
              <td>
                {methodLabel[p.method]}
                {p.payment ? <span className="muted"> · {networkName(p.payment.network)}</span> : null}
                {p.note ? <div className="muted">{p.note}</div> : null}
                <RefundList refunds={p.refunds} label="Refunds of this payment" />
              </td>
              <td className="num">
                {p.payment ? (
                  p.payment.explorerUrl ? (
                    <a
                      href={p.payment.explorerUrl}
                      target="_blank"
                      rel="noopener noreferrer"
                      className="tx-link"
                    >
                      {formatAssetAmount(p.payment.amount, p.payment.asset)}
                      <ExternalLinkIcon width={13} height={13} />
                      <span className="visually-hidden"> (opens the transaction in a new tab)</span>
                    </a>
                  ) : (
                    formatAssetAmount(p.payment.amount, p.payment.asset)
                  )
                ) : (
                  '—'
                )}
              </td>
              <td className="num">{p.rate ?? '—'}</td>
              <td className="num strong">{formatMoneyOrDash(p.amount, invoice.currency)}</td>
              <td>
                <Badge tone={p.counts ? 'success' : p.status === 'seen' ? 'info' : 'danger'}>
                  {appliedStatusLabel[p.status]}
                </Badge>
                {p.late ? (
                  <Badge tone="warning" title="Arrived after the quote’s rate lock: valued at the rate then">
                    Late
                  </Badge>
                ) : null}
                {p.refunds.length ? (
                  <Badge tone="info" title="Refunds do not reopen the invoice">
                    Refunded
                  </Badge>
                ) : null}
                {onRefund && p.payment && p.status === 'confirmed' ? (
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => p.payment && onRefund(p.payment.id)}
                  >
                    Refund…
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
