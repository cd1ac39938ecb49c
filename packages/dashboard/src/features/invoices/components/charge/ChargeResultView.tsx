import { coinLabel } from '../../../../chains/coins'
import { formatDateTime } from '../../../../format/dates'
import { formatAssetAmount, formatMoneyOrDash } from '../../../../format/money'
import { CopyButton } from '../../../../ui/CopyButton'
import { qrImageSrc } from '../../../deposit-addresses/components/DepositTargetView'
import type { ChargeResult, Invoice } from '../../api'
import { InvoiceStatusBadge } from '../InvoiceStatusBadge'

export interface ChargeResultViewProps {
  result: ChargeResult
  /** The invoice as last read (it is followed while the dialog is open). */
  invoice: Invoice
}

/** The charge's pay link and a QR per coin, to show the customer at the counter; its status live. */
export function ChargeResultView({ result, invoice }: ChargeResultViewProps) {
  const payLink = new URL(result.payUrl, window.location.origin).toString()
  const settled = invoice.status === 'paid' || invoice.status === 'overpaid'
  return (
    <div className="charge-result">
      <p role="status" aria-live="polite">
        <strong>{invoice.number}</strong> <InvoiceStatusBadge invoice={invoice} />{' '}
        {settled
          ? `Paid: ${formatMoneyOrDash(invoice.amountPaid, invoice.currency)}.`
          : `${formatMoneyOrDash(invoice.amountDue, invoice.currency)} due.`}
        {!settled && /[1-9]/.test(invoice.amountSeen)
          ? ` ${formatMoneyOrDash(invoice.amountSeen, invoice.currency)} seen, confirming.`
          : ''}
      </p>
      <p>
        Pay link: <code>{payLink}</code> <CopyButton value={payLink} label="Copy pay link" />{' '}
        <a href={payLink} target="_blank" rel="noreferrer">
          Open
        </a>
      </p>
      {settled ? null : result.quotes.length ? (
        <ul className="charge-quotes" aria-label="Ways to pay">
          {result.quotes.map((q) => (
            <li key={q.id} className="charge-quote">
              <strong>{coinLabel(q)}</strong>
              <img
                className="charge-quote__qr"
                src={qrImageSrc(q.qrSvg)}
                alt={`QR code to pay ${formatAssetAmount(q.amount, q.asset)} on ${coinLabel(q)}`}
                width={180}
                height={180}
              />
              <span>
                <code>{q.amount}</code> {q.asset} <CopyButton value={q.amount} label="Copy amount" />
              </span>
              <span className="charge-quote__address">
                {q.address} <CopyButton value={q.address} label="Copy address" />
              </span>
              {q.memo ? (
                <span>
                  Comment (required): <code>{q.memo}</code>
                </span>
              ) : null}
              <span className="muted">Rate locked until {formatDateTime(q.expiresAt)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No coin could be quoted: the customer can pick one on the pay link.</p>
      )}
      {result.unavailable.length ? (
        <ul className="muted" aria-label="Coins not quoted">
          {result.unavailable.map((u) => (
            <li key={`${u.asset}/${u.network}`}>
              {coinLabel(u)}: {u.reason}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
