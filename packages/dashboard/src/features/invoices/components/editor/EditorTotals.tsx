import { formatMoneyOrDash } from '../../../../format/money'
import type { DraftTotals } from '../../totals'
import { formatMinor } from '../../totals'

export interface EditorTotalsProps {
  totals: DraftTotals
  currency: string
  decimals: number
  /** The customer's credit in this currency, used when the invoice is sent. */
  credit: string | undefined
  installments: number | undefined
}

/** Subtotal, tax per rate and total as the invoice will carry them, updated as lines are typed. */
export function EditorTotals({ totals, currency, decimals, credit, installments }: EditorTotalsProps) {
  const money = (v: bigint) => formatMoneyOrDash(formatMinor(v, decimals), currency)
  return (
    <div className="editor-totals">
      <dl className="totals" aria-label="Totals" aria-live="polite">
        <div className="totals__row">
          <dt>Subtotal</dt>
          <dd>{money(totals.subtotal)}</dd>
        </div>
        {totals.taxes.map((t) => (
          <div key={t.id} className="totals__row">
            <dt>
              {t.name} {t.percentage}%
            </dt>
            <dd>{money(t.amount)}</dd>
          </div>
        ))}
        <div className="totals__row">
          <dt>Total</dt>
          <dd className="strong">{money(totals.total)}</dd>
        </div>
      </dl>
      {!totals.complete ? (
        <p className="muted">Lines with a missing or invalid quantity or price are not counted yet.</p>
      ) : null}
      {installments && installments >= 2 ? (
        <p className="muted">
          Split into {installments} invoices of about {money(totals.total / BigInt(installments))} (the
          remainder cent on the last).
        </p>
      ) : null}
      {credit && /[1-9]/.test(credit) ? (
        <p className="muted">
          This customer has {formatMoneyOrDash(credit, currency)} of credit: it is used on the invoice when it
          is sent.
        </p>
      ) : null}
    </div>
  )
}
