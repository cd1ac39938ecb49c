import { useState } from 'react'
import { Link, useParams } from 'react-router'
import { errorMessage } from '../../../api/problem'
import { formatDate, formatDateTime } from '../../../format/dates'
import { formatMoneyOrDash } from '../../../format/money'
import { ErrorAlert } from '../../../ui/Alert'
import { Badge } from '../../../ui/Badge'
import { ConfirmDialog } from '../../../ui/ConfirmDialog'
import { DocumentTitle } from '../../../ui/DocumentTitle'
import { Flash } from '../../../ui/Flash'
import { PageHeader } from '../../../ui/PageHeader'
import { LoadingBlock } from '../../../ui/Spinner'
import { useRovingRows } from '../../../ui/useRovingRows'
import { useCurrentMe } from '../../auth/hooks/useMe'
import { invoiceStatusLabel, invoiceStatusTone } from '../../invoices/labels'
import type { SubscriptionDetail } from '../api'
import {
  useCancelSubscription,
  usePauseSubscription,
  useResumeSubscription,
  useSubscription,
} from '../hooks/queries'
import { billingPeriodLabel, cancelReasonLabel } from '../labels'
import { CustomerName } from './CustomerName'
import { SubscriptionStatusBadge } from './SubscriptionStatusBadge'

type InvoiceStatus = keyof typeof invoiceStatusLabel
const isInvoiceStatus = (s: string): s is InvoiceStatus => Object.hasOwn(invoiceStatusLabel, s)

function PeriodsTable({ invoices }: { invoices: SubscriptionDetail['invoices'] }) {
  const { active, rowProps } = useRovingRows(invoices, (_, row) =>
    row.querySelector<HTMLAnchorElement>('a[href]')?.click(),
  )
  return (
    <div className="table-wrap">
      <table className="table" aria-label="Periods and invoices">
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col">Invoice</th>
            <th scope="col">Status</th>
            <th scope="col">Due</th>
            <th scope="col" className="num">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {invoices.map((inv, index) => (
            <tr key={inv.invoiceId} className="table__row--focusable" {...rowProps(index)}>
              <td className="nowrap">
                {formatDate(inv.periodStart)} – {formatDate(inv.periodEnd)}
              </td>
              <td>
                <Link to={`/invoices/${inv.invoiceId}`} tabIndex={index === active ? 0 : -1}>
                  {inv.number}
                </Link>
              </td>
              <td>
                {isInvoiceStatus(inv.status) ? (
                  <Badge tone={invoiceStatusTone[inv.status]}>{invoiceStatusLabel[inv.status]}</Badge>
                ) : (
                  inv.status
                )}
              </td>
              <td className="nowrap">{formatDate(inv.dueDate)}</td>
              <td className="num">{inv.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** /subscriptions/:id — the subscription, its periods with their invoices, and cancel / pause / resume. */
export function SubscriptionDetailPage() {
  const { id = '' } = useParams()
  const sub = useSubscription(id)
  if (sub.isError) return <ErrorAlert error={sub.error} title="The subscription could not be loaded" />
  if (!sub.data) return <LoadingBlock label="Loading the subscription" />
  return <SubscriptionDetailView subscription={sub.data} />
}

export function SubscriptionDetailView({ subscription: s }: { subscription: SubscriptionDetail }) {
  const canWrite = useCurrentMe().role !== 'viewer'
  const cancel = useCancelSubscription()
  const pause = usePauseSubscription()
  const resume = useResumeSubscription()
  const [canceling, setCanceling] = useState(false)
  const [atPeriodEnd, setAtPeriodEnd] = useState(true)
  const live = s.status !== 'canceled'
  const failed = pause.error ?? resume.error
  const busy = pause.isPending || resume.isPending
  return (
    <>
      <Flash />
      <DocumentTitle title={`${s.plan.name} subscription`} />
      <PageHeader
        breadcrumb={<Link to="/subscriptions">Subscriptions</Link>}
        title={
          <>
            {s.plan.name} <SubscriptionStatusBadge subscription={s} />
          </>
        }
        description={
          <>
            <CustomerName id={s.customerId} /> · {formatMoneyOrDash(s.plan.amount, s.plan.currency)}{' '}
            {billingPeriodLabel(s.plan)} · since {formatDate(s.startDate)}
          </>
        }
        actions={
          canWrite && live ? (
            <>
              {s.status === 'paused' ? (
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={busy}
                  onClick={() => resume.mutate(s.id)}
                >
                  Resume
                </button>
              ) : (
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={busy}
                  onClick={() => pause.mutate(s.id)}
                >
                  Pause
                </button>
              )}
              <button
                type="button"
                className="button button--danger-ghost"
                onClick={() => setCanceling(true)}
              >
                Cancel subscription
              </button>
            </>
          ) : null
        }
      />
      {failed ? <ErrorAlert error={failed} title="The subscription was not changed" /> : null}
      <section className="card" aria-labelledby="sub-facts-title">
        <h2 className="card__title" id="sub-facts-title">
          Billing
        </h2>
        <dl className="details">
          {(
            [
              ['Trial ends', s.trialEnd ? formatDate(s.trialEnd) : '—'],
              [
                'Current period',
                s.currentPeriodStart && s.currentPeriodEnd
                  ? `${formatDate(s.currentPeriodStart)} – ${formatDate(s.currentPeriodEnd)}`
                  : '—',
              ],
              ['Next invoice', s.nextInvoiceDate ? formatDate(s.nextInvoiceDate) : '—'],
              ['Ends', s.cancelAt ? formatDate(s.cancelAt) : '—'],
              ['Paused', s.pausedAt ? formatDateTime(s.pausedAt) : '—'],
              [
                'Canceled',
                s.canceledAt
                  ? `${formatDateTime(s.canceledAt)}${s.cancelReason ? ` (${cancelReasonLabel[s.cancelReason]})` : ''}`
                  : '—',
              ],
            ] as const
          ).map(([label, value]) => (
            <div key={label} className="details__row">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="card card--flush" aria-labelledby="sub-periods-title">
        <h2 className="card__title card__header" id="sub-periods-title">
          Periods and invoices
        </h2>
        {s.invoices.length ? (
          <PeriodsTable invoices={s.invoices} />
        ) : (
          <p className="card__description" style={{ padding: '0 16px 16px' }}>
            No period invoiced yet
            {s.nextInvoiceDate ? `: the first invoice is issued on ${formatDate(s.nextInvoiceDate)}` : ''}.
          </p>
        )}
      </section>
      <ConfirmDialog
        open={canceling}
        title={`Cancel ${s.plan.name}?`}
        confirmLabel={atPeriodEnd ? 'Cancel at period end' : 'Cancel now'}
        tone="danger"
        busy={cancel.isPending}
        error={cancel.isError ? errorMessage(cancel.error) : null}
        onCancel={() => {
          setCanceling(false)
          cancel.reset()
        }}
        onConfirm={() => cancel.mutate({ id: s.id, atPeriodEnd }, { onSuccess: () => setCanceling(false) })}
      >
        <fieldset className="accepts__network">
          <legend className="visually-hidden">When</legend>
          <label className="checkbox-field">
            <input type="radio" name="when" checked={atPeriodEnd} onChange={() => setAtPeriodEnd(true)} />
            At the end of the current period{s.currentPeriodEnd ? ` (${formatDate(s.currentPeriodEnd)})` : ''}
            : no further period is billed.
          </label>
          <label className="checkbox-field">
            <input type="radio" name="when" checked={!atPeriodEnd} onChange={() => setAtPeriodEnd(false)} />
            Now: it stops at once.
          </label>
        </fieldset>
      </ConfirmDialog>
    </>
  )
}
