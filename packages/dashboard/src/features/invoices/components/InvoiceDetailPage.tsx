import { useState } from 'react'
import { Link, useLocation, useNavigate, useParams } from 'react-router'
import { errorMessage } from '../../../api/problem'
import { formatDate, formatDateTime } from '../../../format/dates'
import { formatMoneyOrDash, formatUnitPriceOrDash } from '../../../format/money'
import { Alert, ErrorAlert } from '../../../ui/Alert'
import { ConfirmDialog } from '../../../ui/ConfirmDialog'
import { CopyButton } from '../../../ui/CopyButton'
import { DocumentTitle } from '../../../ui/DocumentTitle'
import { Flash } from '../../../ui/Flash'
import { PageHeader } from '../../../ui/PageHeader'
import { LoadingBlock } from '../../../ui/Spinner'
import { useCurrentMe } from '../../auth/hooks/useMe'
import { RefundPaymentDialog } from '../../payments/components/RefundPaymentDialog'
import type { Invoice } from '../api'
import { useInvoice, useSendInvoice, useVoidInvoice } from '../hooks/queries'
import { invoiceStatusLabel } from '../labels'
import { AppliedPayments } from './AppliedPayments'
import { InvoiceStatusBadge } from './InvoiceStatusBadge'
import { RecordPaymentForm } from './RecordPaymentForm'

/** The totals block, top to bottom: [label, amount, emphasised]. */
function totalRows(invoice: Invoice): [string, string, boolean][] {
  return [
    ['Subtotal', invoice.subtotal, false],
    ...invoice.taxes.map((t): [string, string, boolean] => [`${t.name} ${t.percentage}%`, t.amount, false]),
    ['Total', invoice.total, true],
    ['Paid', invoice.amountPaid, false],
    // Exact decimals: any non-zero digit means something is on its way.
    ...(/[1-9]/.test(invoice.amountSeen)
      ? [['Seen, confirming', invoice.amountSeen, false] as [string, string, boolean]]
      : []),
    ['Due', invoice.amountDue, true],
  ]
}

/** /invoices/:id — the invoice, what was paid on it, its history, and what can be done with it. */
export function InvoiceDetailPage() {
  const { id = '' } = useParams()
  const invoice = useInvoice(id)
  if (invoice.isError) return <ErrorAlert error={invoice.error} title="The invoice could not be loaded" />
  if (!invoice.data) return <LoadingBlock label="Loading the invoice" />
  return <InvoiceDetail invoice={invoice.data} />
}

export interface InvoiceDetailProps {
  invoice: Invoice
}

export function InvoiceDetail({ invoice }: InvoiceDetailProps) {
  const me = useCurrentMe()
  const canWrite = me.role !== 'viewer'
  const send = useSendInvoice()
  const navigate = useNavigate()
  const location = useLocation()
  const voidIt = useVoidInvoice()
  const [confirmVoid, setConfirmVoid] = useState(false)
  const [refunding, setRefunding] = useState<string | null>(null)
  const money = (v: string) => formatMoneyOrDash(v, invoice.currency)
  const payLink = invoice.payUrl ? new URL(invoice.payUrl, window.location.origin).toString() : null
  const owing = invoice.status === 'open' || invoice.status === 'partially_paid'
  const noWayToPay = (invoice.status === 'draft' || owing) && invoice.accepts.length === 0
  return (
    <>
      <Flash />
      <DocumentTitle title={`Invoice ${invoice.number}`} />
      <PageHeader
        breadcrumb={<Link to="/invoices">Invoices</Link>}
        title={
          <>
            {invoice.number} <InvoiceStatusBadge invoice={invoice} />
          </>
        }
        description={
          <>
            {invoice.customerName ? (
              <Link to={`/customers/${invoice.customerId}`}>{invoice.customerName}</Link>
            ) : (
              'Deleted customer'
            )}{' '}
            · issued {formatDate(invoice.issueDate)} · due {formatDate(invoice.dueDate)}
            {invoice.installment
              ? ` · installment ${invoice.installment.index} of ${invoice.installment.count} (${invoice.installment.paidCount} paid)`
              : ''}
          </>
        }
        actions={
          canWrite ? (
            <>
              {invoice.status === 'draft' && !invoice.installment ? (
                <Link to={`/invoices/${invoice.id}/edit`} className="button button--secondary">
                  Edit
                </Link>
              ) : null}
              {invoice.status === 'draft' ? (
                <button
                  type="button"
                  className="button button--primary"
                  disabled={send.isPending}
                  onClick={() =>
                    send.mutate(
                      { id: invoice.id, arg: undefined },
                      {
                        // Replaces the "Draft … saved." banner the editor left in the navigation state.
                        onSuccess: (sent) =>
                          navigate(location.pathname, {
                            replace: true,
                            state: { flash: `${sent.number} was sent.` },
                          }),
                      },
                    )
                  }
                >
                  Send
                </button>
              ) : null}
              {invoice.status === 'draft' || owing ? (
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => setConfirmVoid(true)}
                >
                  Void
                </button>
              ) : null}
            </>
          ) : null
        }
      />
      {send.isError ? <ErrorAlert error={send.error} title="The invoice was not sent" /> : null}
      {noWayToPay ? (
        <Alert tone="warning" title="This invoice can't be paid yet">
          It accepts no coin: the customer will not be able to pay it until you{' '}
          <Link to="/settings/wallets">connect a wallet or payment method</Link>.
        </Alert>
      ) : null}
      {payLink && invoice.status !== 'void' ? (
        <section className="card" aria-labelledby="pay-link-title">
          <h2 className="card__title" id="pay-link-title">
            Pay link
          </h2>
          <p className="card__description">
            <code>{payLink}</code> <CopyButton value={payLink} label="Copy pay link" />
          </p>
        </section>
      ) : null}
      <section className="card" aria-labelledby="lines-title">
        <h2 className="card__title" id="lines-title">
          Lines
        </h2>
        <div className="table-wrap">
          <table className="table" aria-label="Lines">
            <thead>
              <tr>
                <th scope="col">Description</th>
                <th scope="col" className="num">
                  Quantity
                </th>
                <th scope="col" className="num">
                  Unit price
                </th>
                <th scope="col">Tax</th>
                <th scope="col" className="num">
                  Amount
                </th>
              </tr>
            </thead>
            <tbody>
              {invoice.lines.map((l) => (
                <tr key={l.position}>
                  <td>{l.description}</td>
                  <td className="num">{l.quantity}</td>
                  <td className="num">{formatUnitPriceOrDash(l.unitAmount, invoice.currency)}</td>
                  <td>{l.taxName ? `${l.taxName} ${l.taxPercentage}%` : '—'}</td>
                  <td className="num">{money(l.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <dl className="totals" aria-label="Totals">
          {totalRows(invoice).map(([label, value, strong]) => (
            <div key={label} className="totals__row">
              <dt>{label}</dt>
              <dd className={strong ? 'strong' : undefined}>{money(value)}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="card" aria-labelledby="payments-title">
        <h2 className="card__title" id="payments-title">
          Payments applied
        </h2>
        <AppliedPayments invoice={invoice} onRefund={canWrite ? setRefunding : undefined} />
        {canWrite && owing ? <RecordPaymentForm invoiceId={invoice.id} currency={invoice.currency} /> : null}
      </section>
      <section className="card" aria-labelledby="history-title">
        <h2 className="card__title" id="history-title">
          History
        </h2>
        <ol className="timeline">
          {invoice.history.map((h) => (
            <li key={`${h.at}-${h.to}`}>
              <time dateTime={h.at}>{formatDateTime(h.at)}</time> — {invoiceStatusLabel[h.to]}{' '}
              <span className="muted">({h.reason})</span>
            </li>
          ))}
        </ol>
      </section>
      <ConfirmDialog
        open={confirmVoid}
        title={`Void ${invoice.number}?`}
        confirmLabel="Void invoice"
        tone="danger"
        busy={voidIt.isPending}
        error={voidIt.isError ? errorMessage(voidIt.error) : undefined}
        onCancel={() => setConfirmVoid(false)}
        onConfirm={() =>
          voidIt.mutate({ id: invoice.id, arg: undefined }, { onSuccess: () => setConfirmVoid(false) })
        }
      >
        Its pay link stops working. Whatever was already paid on it becomes the customer’s credit.
      </ConfirmDialog>
      <RefundPaymentDialog paymentId={refunding} canRefund={canWrite} onClose={() => setRefunding(null)} />
    </>
  )
}
