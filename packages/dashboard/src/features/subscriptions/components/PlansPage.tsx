import { useState } from 'react'
import { Link } from 'react-router'
import { formatDate } from '../../../format/dates'
import { formatMoneyOrDash } from '../../../format/money'
import { ErrorAlert } from '../../../ui/Alert'
import { Badge } from '../../../ui/Badge'
import { DocumentTitle } from '../../../ui/DocumentTitle'
import { EmptyState } from '../../../ui/EmptyState'
import { FilterSelect } from '../../../ui/FilterSelect'
import { Flash } from '../../../ui/Flash'
import { PlusIcon } from '../../../ui/icons'
import { PageHeader } from '../../../ui/PageHeader'
import { LoadingBlock } from '../../../ui/Spinner'
import { useRovingRows } from '../../../ui/useRovingRows'
import { useCurrentMe } from '../../auth/hooks/useMe'
import type { Plan, PlanArchivedFilter } from '../api'
import { usePlans, useSetPlanArchived } from '../hooks/queries'
import { billingPeriodLabel } from '../labels'
import { PlanFormDialog } from './PlanFormDialog'

const archivedOptions = [
  { value: 'true', label: 'Archived' },
  { value: 'all', label: 'All' },
] as const

interface PlansTableProps {
  plans: readonly Plan[]
  /** Archive (true) or unarchive (false) a plan; absent for viewers. */
  onArchive?: ((plan: Plan, archived: boolean) => void) | undefined
  busy: boolean
}

function PlansTable({ plans, onArchive, busy }: PlansTableProps) {
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
              <td className="strong">
                {p.name}{' '}
                {p.archivedAt ? (
                  <Badge tone="neutral" title={`Archived ${formatDate(p.archivedAt)}`}>
                    Archived
                  </Badge>
                ) : null}
              </td>
              <td className="num strong">{formatMoneyOrDash(p.amount, p.currency)}</td>
              <td>{billingPeriodLabel(p)}</td>
              <td>{p.trialDays ? `${p.trialDays} days` : '—'}</td>
              <td className="nowrap">{formatDate(p.createdAt)}</td>
              <td className="nowrap">
                {/* Enter on the row follows it. An archived plan starts no subscriptions. */}
                {p.archivedAt ? null : (
                  <Link to={`/subscriptions?subscribe=${p.id}`} tabIndex={index === active ? 0 : -1}>
                    Subscribe a customer
                  </Link>
                )}
                {onArchive ? (
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    disabled={busy}
                    aria-label={`${p.archivedAt ? 'Unarchive' : 'Archive'} ${p.name}`}
                    onClick={() => onArchive(p, !p.archivedAt)}
                  >
                    {p.archivedAt ? 'Unarchive' : 'Archive'}
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

/** /plans — what subscriptions bill: a price per interval, with an optional trial. */
export function PlansPage() {
  const me = useCurrentMe()
  const canWrite = me.role !== 'viewer'
  const [creating, setCreating] = useState(false)
  const [created, setCreated] = useState<string | null>(null)
  const [archived, setArchived] = useState<PlanArchivedFilter | undefined>()
  const plans = usePlans({ limit: 100, ...(archived ? { archived } : {}) })
  const archive = useSetPlanArchived()
  const [changed, setChanged] = useState<string | null>(null)
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
      {changed ? (
        <div className="alert alert--success" role="status">
          {changed}
        </div>
      ) : null}
      {archive.isError ? <ErrorAlert error={archive.error} title="The plan was not changed" /> : null}
      <section className="card card--flush" aria-label="Plan list">
        <search className="filters" aria-label="Filter plans">
          <FilterSelect
            label="Show"
            anyLabel="Live plans"
            value={archived}
            onChange={(v) => setArchived(v === 'true' || v === 'all' ? v : undefined)}
            options={archivedOptions}
          />
        </search>
        {plans.isError ? (
          <ErrorAlert
            error={plans.error}
            title="The plans could not be loaded"
            onRetry={() => plans.refetch()}
          />
        ) : !plans.data ? (
          <LoadingBlock label="Loading plans" />
        ) : plans.data.data.length === 0 ? (
          archived === 'true' ? (
            <EmptyState title="No archived plans" description="Archived plans start no new subscriptions." />
          ) : (
            <EmptyState
              title="No plans yet"
              description="Create a plan (say, 29.00 USD per month) to bill customers every period."
              actions={newButton}
            />
          )
        ) : (
          <PlansTable
            plans={plans.data.data}
            busy={archive.isPending}
            onArchive={
              canWrite
                ? (plan, to) =>
                    archive.mutate(
                      { id: plan.id, archived: to },
                      {
                        onSuccess: () =>
                          setChanged(
                            to
                              ? `Plan “${plan.name}” archived: it starts no new subscriptions; those it has go on billing.`
                              : `Plan “${plan.name}” is live again.`,
                          ),
                      },
                    )
                : undefined
            }
          />
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
