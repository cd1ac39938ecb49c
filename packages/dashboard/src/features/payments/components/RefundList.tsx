import { formatDateTime } from '../../../format/dates'
import { formatAssetAmount, formatMoneyOrDash } from '../../../format/money'
import { ExternalLinkIcon } from '../../../ui/icons'
import type { Refund } from '../api'
import { shortHash } from '../labels'

export interface RefundListProps {
  refunds: readonly Refund[]
  /** Names the list for screen readers. */
  label?: string
}

/** A payment's refunds, oldest first: amount in coin and fiat, where it went, its transaction and note. */
export function RefundList({ refunds, label = 'Refunds' }: RefundListProps) {
  if (refunds.length === 0) return null
  return (
    <ul className="refund-list" aria-label={label}>
      {refunds.map((r) => (
        <li key={r.id} className="refund-list__item">
          <span className="strong">Refunded {formatAssetAmount(r.amount, r.asset)}</span>
          {r.fiatValue !== null ? <span> ({formatMoneyOrDash(r.fiatValue, r.fiatCurrency)})</span> : null}
          <span className="muted">
            {' '}
            on <time dateTime={r.createdAt}>{formatDateTime(r.createdAt)}</time> to{' '}
            <code title={r.address}>{shortHash(r.address)}</code>
            {r.memo ? <> (comment {r.memo})</> : null}
          </span>
          {r.txHash ? (
            <>
              {' · '}
              {r.explorerUrl ? (
                <a
                  href={r.explorerUrl}
                  target="_blank"
                  rel="noopener noreferrer"
                  className="tx-link"
                  title={`${r.txHash} (opens the explorer in a new tab)`}
                >
                  <code>{shortHash(r.txHash)}</code>
                  <ExternalLinkIcon width={13} height={13} />
                  <span className="visually-hidden"> (opens in a new tab)</span>
                </a>
              ) : (
                <code title={r.txHash}>{shortHash(r.txHash)}</code>
              )}
            </>
          ) : null}
          {r.note ? <div className="muted">{r.note}</div> : null}
        </li>
      ))}
    </ul>
  )
}
