import { useState } from 'react'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { ErrorAlert } from '../../../ui/Alert'
import { CursorPager } from '../../../ui/CursorPager'
import { DocumentTitle } from '../../../ui/DocumentTitle'
import { EmptyState } from '../../../ui/EmptyState'
import { FilterSelect } from '../../../ui/FilterSelect'
import { PlusIcon } from '../../../ui/icons'
import { PageHeader } from '../../../ui/PageHeader'
import { LoadingBlock } from '../../../ui/Spinner'
import { useCurrentMe } from '../../auth/hooks/useMe'
import type { ListSubscriptionsParams, SubscriptionStatus } from '../api'
import { useSubscriptions } from '../hooks/queries'
import { subscriptionStatusOptions } from '../labels'
import { SubscribeDialog } from './SubscribeDialog'
import { SubscriptionsTable } from './SubscriptionsTable'

/** /subscriptions (?status=past_due, ?subscribe=<planId> opens the subscribe dialog on that plan). */
export function SubscriptionsPage() {
  const canWrite = useCurrentMe().role !== 'viewer'
  const navigate = useNavigate()
  const [search, setSearch] = useSearchParams()
  const status = (search.get('status') ?? undefined) as SubscriptionStatus | undefined
  const planFromLink = search.get('subscribe') ?? undefined
  const [subscribing, setSubscribing] = useState(Boolean(planFromLink))
  const [cursors, setCursors] = useState<string[]>([])
  const params: ListSubscriptionsParams = {
    limit: 25,
    ...(status ? { status } : {}),
    ...(cursors.length ? { cursor: cursors.at(-1) } : {}),
  }
  const list = useSubscriptions(params)
  const newButton = canWrite ? (
    <button type="button" className="button button--primary" onClick={() => setSubscribing(true)}>
      <PlusIcon />
      Subscribe a customer
    </button>
  ) : null
  return (
    <>
      <DocumentTitle title="Subscriptions" />
      <PageHeader
        title="Subscriptions"
        description={
          <>
            Customers billed every period of a <Link to="/plans">plan</Link>. Unpaid past the due date is past
            due; still unpaid after the grace period, canceled.
          </>
        }
        actions={
          <>
            <Link to="/plans" className="button button--secondary">
              Plans
            </Link>
            {newButton}
          </>
        }
      />
      <section className="card card--flush" aria-label="Subscription list">
        <search className="filters" aria-label="Filter subscriptions">
          <FilterSelect
            label="Status"
            value={status}
            onChange={(v) => {
              setCursors([])
              setSearch(v ? { status: v } : {}, { replace: true })
            }}
            options={subscriptionStatusOptions}
          />
        </search>
        {list.isError ? (
          <ErrorAlert
            error={list.error}
            title="The subscriptions could not be loaded"
            onRetry={() => list.refetch()}
          />
        ) : !list.data ? (
          <LoadingBlock label="Loading subscriptions" />
        ) : list.data.data.length === 0 ? (
          <EmptyState
            title={status ? 'No subscriptions match' : 'No subscriptions yet'}
            description={
              status ? 'Try another status.' : 'Subscribe a customer to a plan to bill them every period.'
            }
            actions={status ? null : newButton}
          />
        ) : (
          <>
            <SubscriptionsTable subscriptions={list.data.data} stale={list.isPlaceholderData} />
            <CursorPager cursors={cursors} setCursors={setCursors} nextCursor={list.data.nextCursor} />
          </>
        )}
      </section>
      {canWrite ? (
        <SubscribeDialog
          open={subscribing}
          planId={planFromLink}
          onClose={() => setSubscribing(false)}
          onCreated={(sub) =>
            navigate(`/subscriptions/${sub.id}`, {
              state: { flash: `${sub.plan.name} subscription created.` },
            })
          }
        />
      ) : null}
    </>
  )
}
