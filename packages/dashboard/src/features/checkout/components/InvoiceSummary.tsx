import { formatDate } from '../../../format/dates'
import { formatMoney, formatUnitPrice } from '../../../format/money'
import type { Checkout } from '../api'

export interface InvoiceSummaryProps {
  checkout: Checkout
}

/** What is being paid for: the lines, the totals and what is still due. */
export function InvoiceSummary({ checkout }: InvoiceSummaryProps) {
  const money = (amount: string) => formatMoney(amount, checkout.currency)
  return (
    <section className="checkout-card" aria-labelledby="checkout-invoice-title">
      <h2 id="checkout-invoice-title" className="checkout-card__title">
        Invoice {checkout.number}
      </h2>
      <p className="checkout-muted">Due {formatDate(checkout.dueDate)}</p>
      <ul className="checkout-lines">
        {checkout.lines.map((line, i) => (
          // Lines have no id of their own in the public view; their order is fixed.
          // biome-ignore lint/suspicious/noArrayIndexKey: the order of lines never changes
          <li key={i} className="checkout-lines__item">
            <span>
              {line.description}
              {line.quantity !== '1' ? (
                <span className="checkout-muted">
                  {' '}
                  × {line.quantity} at {formatUnitPrice(line.unitAmount, checkout.currency)}
                </span>
              ) : null}
            </span>
            <span className="checkout-amount">{money(line.amount)}</span>
          </li>
        ))}
      </ul>
      <dl className="checkout-totals">
        {checkout.taxes.length > 0 ? (
          <div>
            <dt>Subtotal</dt>
            <dd>{money(checkout.subtotal)}</dd>
          </div>
        ) : null}
        {checkout.taxes.map((tax) => (
          <div key={`${tax.name}-${tax.percentage}`}>
            <dt>
              {tax.name} {tax.percentage}%
            </dt>
            <dd>{money(tax.amount)}</dd>
          </div>
        ))}
        <div>
          <dt>Total</dt>
          <dd>{money(checkout.total)}</dd>
        </div>
        {checkout.amountPaid !== checkout.total && Number(checkout.amountPaid) > 0 ? (
          <div>
            <dt>Paid</dt>
            <dd>{money(checkout.amountPaid)}</dd>
          </div>
        ) : null}
        <div className="checkout-totals__due">
          <dt>Amount due</dt>
          <dd data-testid="amount-due">{money(checkout.amountDue)}</dd>
        </div>
      </dl>
      {checkout.memo ? <p className="checkout-memo">{checkout.memo}</p> : null}
    </section>
  )
}
