import { Link } from 'react-router'
import { networkName } from '../../../chains/coins'
import { NetworkMark } from '../../../chains/NetworkMark'
import { formatDateTime } from '../../../format/dates'
import { formatAssetAmount, formatMoneyOrDash } from '../../../format/money'
import { Badge } from '../../../ui/Badge'
import { ExternalLinkIcon } from '../../../ui/icons'
import { useRovingRows } from '../../../ui/useRovingRows'
import type { Payment } from '../api'
import { shortHash } from '../labels'
import { isRefundable } from '../refundable'
import { PaymentStatusBadge } from './PaymentStatusBadge'

export interface PaymentsTableProps {
  payments: readonly Payment[]
  /** Adds a Customer column linking to each payment's customer. */
  showCustomer?: boolean
  /** Offers "Assign…" on payments without a customer (Solana and TON payments that lost their code). */
  onAssign?: ((payment: Payment) => void) | undefined
  /**
   * Adds a column offering "Refund…" on confirmed payments of a customer with something left to refund (when
   * `canRefund`), and "Refunds" on payments with refunds, to see them.
   */
  onRefund?: ((payment: Payment) => void) | undefined
  canRefund?: boolean
  /** A newer page is loading: the rows are dimmed but stay usable. */
  stale?: boolean
  /** Names the table for screen readers. */
  label?: string
}

interface CustomerCellProps {
  payment: Payment
  tabIndex: number
  onAssign?: ((payment: Payment) => void) | undefined
}

function CustomerCell({ payment, tabIndex, onAssign }: CustomerCellProps) {
  if (!payment.customerId) {
    return onAssign && payment.status !== 'failed' ? (
      <button
        type="button"
        className="button button--secondary button--small"
        tabIndex={tabIndex}
        onClick={() => onAssign(payment)}
        title="Arrived without a customer’s reference or comment"
      >
        Assign…
      </button>
    ) : (
      <span className="muted">Not matched</span>
    )
  }
  if (payment.customerName === null) return <span className="muted">Deleted customer</span>
  return (
    <Link
      to={`/customers/${payment.customerId}?tab=payments`}
      tabIndex={tabIndex}
      className="cell-primary__name"
    >
      {payment.customerName}
    </Link>
  )
}

/** "Refunded" or "Partly refunded", with the amount, on a payment with refunds. */
function RefundBadge({ payment }: { payment: Payment }) {
  if (payment.refundStatus === 'none') return null
  const amount = formatAssetAmount(payment.refundedAmount, payment.asset)
  const value = payment.refundedFiatValue
    ? ` (${formatMoneyOrDash(payment.refundedFiatValue, payment.fiatCurrency)})`
    : ''
  return (
    <Badge tone="info" title={`Refunded ${amount}${value}`}>
      {payment.refundStatus === 'full' ? 'Refunded' : 'Partly refunded'}
    </Badge>
  )
}

interface RefundCellProps {
  payment: Payment
  canRefund: boolean
  tabIndex: number
  onRefund: (payment: Payment) => void
}

function RefundCell({ payment, canRefund, tabIndex, onRefund }: RefundCellProps) {
  const refundable = canRefund && isRefundable(payment)
  if (!refundable && payment.refundStatus === 'none') return null
  return (
    <button
      type="button"
      className="button button--secondary button--small"
      tabIndex={tabIndex}
      onClick={() => onRefund(payment)}
    >
      {refundable ? 'Refund…' : 'Refunds'}
    </button>
  )
}

/** The row's first link (the customer, else the transaction), which Enter follows. */
function followFirstLink(row: HTMLTableRowElement) {
  row.querySelector<HTMLAnchorElement>('a[href]')?.click()
}

/**
 * Payments as a table that works from the keyboard: the table is one Tab stop (a roving tabindex over its
 * rows; ArrowUp/ArrowDown/Home/End move), Enter follows the row's first link, and Tab from a row reaches
 * that row's links (customer, transaction) only.
 */
export function PaymentsTable({
  payments,
  showCustomer = false,
  onAssign,
  onRefund,
  canRefund = false,
  stale = false,
  label = 'Payments',
}: PaymentsTableProps) {
  const { active, rowProps } = useRovingRows(payments, (_, row) => followFirstLink(row))
  return (
    <div className={`table-wrap${stale ? ' table-wrap--stale' : ''}`}>
      <table className="table payments-table" aria-label={label} aria-busy={stale}>
        <thead>
          <tr>
            <th scope="col">Date</th>
            {showCustomer ? <th scope="col">Customer</th> : null}
            <th scope="col" className="num">
              Amount
            </th>
            <th scope="col">Network</th>
            <th scope="col" className="num">
              Fiat value
            </th>
            <th scope="col">Status</th>
            <th scope="col">Transaction</th>
            {onRefund ? (
              <th scope="col">
                <span className="visually-hidden">Refunds</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {payments.map((p, index) => {
            const inRow = index === active ? 0 : -1
            const when = p.blockTime ?? p.detectedAt
            return (
              <tr key={p.id} className="table__row--focusable" {...rowProps(index)}>
                <td className="nowrap">
                  <time dateTime={when}>{formatDateTime(when)}</time>
                </td>
                {showCustomer ? (
                  <td>
                    <CustomerCell payment={p} tabIndex={inRow} onAssign={onAssign} />
                    {p.matchedBy === 'sender' ? (
                      <span className="muted payment-match" title="Recognised by the wallet it came from">
                        by sending wallet
                      </span>
                    ) : null}
                  </td>
                ) : null}
                <td className="num strong">{formatAssetAmount(p.amount, p.asset)}</td>
                <td className="nowrap">
                  <span className="network-cell">
                    <NetworkMark network={p.network} size="small" />
                    {networkName(p.network)}
                  </span>
                  {p.networkFee !== null ? (
                    <span
                      className="muted payment-fee"
                      title="What the sender paid the network for the transaction"
                    >
                      Fee {formatAssetAmount(p.networkFee, p.networkFeeAsset)}
                    </span>
                  ) : null}
                </td>
                <td className="num">
                  {p.fiatValue === null ? (
                    <span className="muted" title="No exchange rate was known when it arrived">
                      —
                    </span>
                  ) : (
                    formatMoneyOrDash(p.fiatValue, p.fiatCurrency)
                  )}
                </td>
                <td>
                  <PaymentStatusBadge payment={p} />
                  <RefundBadge payment={p} />
                </td>
                <td>
                  {p.explorerUrl ? (
                    <a
                      href={p.explorerUrl}
                      target="_blank"
                      rel="noopener noreferrer"
                      className="tx-link"
                      title={`${p.txHash} (opens the explorer in a new tab)`}
                      tabIndex={inRow}
                    >
                      <code>{shortHash(p.txHash)}</code>
                      <ExternalLinkIcon width={13} height={13} />
                      <span className="visually-hidden"> (opens in a new tab)</span>
                    </a>
                  ) : (
                    <code title={p.txHash}>{shortHash(p.txHash)}</code>
                  )}
                </td>
                {onRefund ? (
                  <td>
                    <RefundCell payment={p} canRefund={canRefund} tabIndex={inRow} onRefund={onRefund} />
                  </td>
                ) : null}
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
