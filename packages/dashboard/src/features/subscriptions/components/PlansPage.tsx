import { useState } from 'react'
import { Link } from 'react-router'
import { formatDate } from '../../../format/dates'
import { formatMoneyOrDash } from '../../../format/money'
import { ErrorAlert } from '../../../ui/Alert'
import { DocumentTitle } from '../../../ui/DocumentTitle'
import { EmptyState } from '../../../ui/EmptyState'
import { Flash } from '../../../ui/Flash'
import { PlusIcon } from '../../../ui/icons'
import { PageHeader } from '../../../ui/PageHeader'
import { LoadingBlock } from '../../../ui/Spinner'
import { useRovingRows } from '../../../ui/useRovingRows'
import { useCurrentMe } from '../../auth/hooks/useMe'
import type { Plan } from '../api'
import { usePlans } from '../hooks/queries'
import { billingPeriodLabel } from '../labels'
import { PlanFormDialog } from './PlanFormDialog'

function PlansTable({ plans }: { plans: readonly Plan[] }) {
  const { active, rowProps } = useRovingRows(plans, (_, row) =>
    row.querySelector<HTMLAnchorElement>('a[href]')?.click(),
  )
  return (
    <div className="table-wrap">
      <table className="table" aria-label="Plans">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col" className="num">
              Price
            </th>
            <th scope="col">Billed</th>
            <th scope="col">Trial</th>
            <th scope="col">Created</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {plans.map((p, index) => (
            <tr key={p.id} className="table__row--focusable" {...rowProps(index)}>
              <td className="strong">{p.name}</td>
              <td className="num strong">{formatMoneyOrDash(p.amount, p.currency)}</td>
              <td>{billingPeriodLabel(p)}</td>
              <td>{p.trialDays ? `${p.trialDays} days` : '—'}</td>
              <td className="nowrap">{formatDate(p.createdAt)}</td>
              <td>
                {/* Enter on the row follows it. */}
                <Link to={`/subscriptions?subscribe=${p.id}`} tabIndex={index === active ? 0 : -1}>
                  Subscribe a customer
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** /plans — what subscriptions bill: a price per interval, with an optional trial. */
export function PlansPage() {
  const me = useCurrentMe()
  const canWrite = me.role !== 'viewer'
  const [creating, setCreating] = useState(false)
  const [created, setCreated] = useState<string | null>(null)
  const plans = usePlans({ limit: 100 })
  const newButton = canWrite ? (
    <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
      <PlusIcon />
      New plan
    </button>
  ) : null
  return (
    <>
      <DocumentTitle title="Plans" />
      <Flash />
      <PageHeader
        title="Plans"
        description="Prices billed every period. Subscribe a customer on the Subscriptions page; each period’s invoice is issued when it starts."
        actions={newButton}
      />
      {created ? (
        <div className="alert alert--success" role="status">
          Plan “{created}” created.
        </div>
      ) : null}
      <section className="card card--flush" aria-label="Plan list">
        {plans.isError ? (
          <ErrorAlert
            error={plans.error}
            title="The plans could not be loaded"
            onRetry={() => plans.refetch()}
          />
        ) : !plans.data ? (
          <LoadingBlock label="Loading plans" />
        ) : plans.data.data.length === 0 ? (
          <EmptyState
            title="No plans yet"
            description="Create a plan (say, 29.00 USD per month) to bill customers every period."
            actions={newButton}
          />
        ) : (
          <PlansTable plans={plans.data.data} />
        )}
      </section>
      <PlanFormDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(p) => setCreated(p.name)}
        defaultCurrency={me.merchant.reportingCurrency}
      />
    </>
  )
}
