import { coinLabel } from '../../../chains/coins'
import { formatAssetAmount, formatMoney } from '../../../format/money'
import { CopyButton } from '../../../ui/CopyButton'
import type { Quote } from '../api'
import { formatCountdown, useCountdown } from '../hooks/useCountdown'

export interface QuotePanelProps {
  quote: Quote
  /** The invoice's amount due now; a quote for more was made before a partial payment. */
  amountDue: string
  onNewQuote: () => void
  onOtherCoin: () => void
  busy?: boolean
}

/** The QR code of a server-made SVG as an image: an <img> never runs what an SVG might contain. */
const qrSrc = (svg: string) => `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`

/** What to pay and where: QR, address, exact amount, memo or reference, and the rate lock's countdown. */
export function QuotePanel({ quote, amountDue, onNewQuote, onOtherCoin, busy = false }: QuotePanelProps) {
  const left = useCountdown(quote.expiresAt)
  const expired = left === 0
  const label = coinLabel(quote)
  const stale = !expired && quote.fiatAmount !== amountDue
  return (
    <section className="checkout-card checkout-quote" aria-labelledby="checkout-quote-title">
      <h2 id="checkout-quote-title" className="checkout-card__title">
        Send {formatAssetAmount(quote.amount, quote.asset)}
      </h2>
      <p className="checkout-muted">
        {label} · {formatMoney(quote.fiatAmount, quote.currency)} at 1 {quote.asset} ={' '}
        {formatMoney(quote.rate, quote.currency, {
          fractionDigits: Math.min(8, Math.max(2, decimalsOf(quote.rate))),
        })}
      </p>
      <img
        className="checkout-quote__qr"
        src={qrSrc(quote.qrSvg)}
        alt={`QR code to pay ${formatAssetAmount(quote.amount, quote.asset)} on ${label}`}
        width={220}
        height={220}
      />
      <a className="button button--primary button--block" href={quote.uri} rel="noreferrer">
        Open in wallet
      </a>
      <dl className="checkout-fields">
        <div>
          <dt>Amount</dt>
          <dd>
            <code data-testid="quote-amount">{quote.amount}</code>
            <CopyButton value={quote.amount} label="Copy amount" />
          </dd>
        </div>
        <div>
          <dt>Address</dt>
          <dd>
            <code data-testid="quote-address">{quote.address}</code>
            <CopyButton value={quote.address} label="Copy address" />
          </dd>
        </div>
        {quote.memo ? (
          <div>
            <dt>Comment (required)</dt>
            <dd>
              <code>{quote.memo}</code>
              <CopyButton value={quote.memo} label="Copy comment" />
            </dd>
          </div>
        ) : null}
        {quote.reference ? (
          <div>
            <dt>Reference</dt>
            <dd>
              <code>{quote.reference}</code>
              <CopyButton value={quote.reference} label="Copy reference" />
            </dd>
          </div>
        ) : null}
      </dl>
      {quote.memo ? (
        <p className="checkout-muted">Put the comment in the transfer, or the payment cannot be matched.</p>
      ) : null}
      {expired ? (
        <div className="checkout-notice" role="status">
          <p>The rate lock expired. A payment sent now is valued at the rate when it arrives.</p>
          <button type="button" className="button button--secondary" onClick={onNewQuote} disabled={busy}>
            Get a new quote
          </button>
        </div>
      ) : stale ? (
        <div className="checkout-notice" role="status">
          <p>{formatMoney(amountDue, quote.currency)} is due now.</p>
          <button type="button" className="button button--secondary" onClick={onNewQuote} disabled={busy}>
            Get a new quote for the remainder
          </button>
        </div>
      ) : (
        <p className="checkout-countdown">
          Rate locked for <time dateTime={quote.expiresAt}>{formatCountdown(left)}</time>
        </p>
      )}
      <button type="button" className="button button--ghost button--small" onClick={onOtherCoin}>
        Pay with another coin
      </button>
    </section>
  )
}

function decimalsOf(value: string): number {
  return value.split('.')[1]?.length ?? 0
}
