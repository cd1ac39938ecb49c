import type { TimelineItem, TimelineKind } from '@coinbook/api/contracts'
import { type ReactNode, useState } from 'react'
import { Link } from 'react-router'
import { formatDateTime, formatRelative } from '../../../../format/dates'
import { formatMoneyOrDash } from '../../../../format/money'
import { ErrorAlert } from '../../../../ui/Alert'
import { EmptyState } from '../../../../ui/EmptyState'
import { CardIcon, EditIcon, FileIcon, MailIcon, MergeIcon, UsersIcon } from '../../../../ui/icons'
import { LoadingBlock } from '../../../../ui/Spinner'
import { useCustomerTimeline } from '../../hooks/useCustomerTimeline'

export interface CustomerTimelineProps {
  customerId: string
}

const KINDS: { kind: TimelineKind; label: string; icon: ReactNode }[] = [
  { kind: 'payment', label: 'Payments', icon: <CardIcon /> },
  { kind: 'invoice', label: 'Invoices', icon: <FileIcon /> },
  { kind: 'message', label: 'Messages', icon: <MailIcon /> },
  { kind: 'profile', label: 'Profile changes', icon: <UsersIcon /> },
  { kind: 'note', label: 'Notes', icon: <EditIcon /> },
  { kind: 'merge', label: 'Merges', icon: <MergeIcon /> },
]

/** "by Olive", "via API key “Zapier”", "by the customer in the portal", "by an import". */
export function actorText(actor: TimelineItem['actor']): string | null {
  if (!actor) return null
  switch (actor.type) {
    case 'user':
      return actor.name ? `by ${actor.name}` : 'by your team'
    case 'api_key':
      return actor.name ? `via API key “${actor.name}”` : 'via an API key'
    case 'customer':
      return 'by the customer in the portal'
    case 'import':
      return 'by an import'
    default:
      return 'by Coinbook'
  }
}

function detailOf(item: TimelineItem): ReactNode {
  if (item.payment?.fiatValue && item.payment.fiatCurrency) {
    return formatMoneyOrDash(item.payment.fiatValue, item.payment.fiatCurrency)
  }
  if (item.invoice) {
    return (
      <Link to={`/invoices/${item.invoice.id}`}>
        {item.invoice.number} · {formatMoneyOrDash(item.invoice.total, item.invoice.currency)}
      </Link>
    )
  }
  if (item.message?.error) return item.message.error
  if (item.kind === 'note') {
    const to = item.changes?.[0]?.to
    return typeof to === 'string' ? <span className="notes">{to}</span> : null
  }
  return null
}

/** Payments, invoices, messages, profile changes, notes and merges, newest first, a page at a time. */
export function CustomerTimeline({ customerId }: CustomerTimelineProps) {
  const [only, setOnly] = useState<TimelineKind | ''>('')
  const timeline = useCustomerTimeline(customerId, only ? [only] : [])
  const items = timeline.data?.pages.flatMap((p) => p.data) ?? []
  return (
    <section className="card" aria-labelledby="timeline-title">
      <div className="card__header">
        <h2 className="card__title" id="timeline-title">
          Timeline
        </h2>
        <label className="muted">
          Show{' '}
          <select value={only} onChange={(e) => setOnly(e.target.value as TimelineKind | '')}>
            <option value="">Everything</option>
            {KINDS.map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {timeline.isPending ? (
        <LoadingBlock label="Loading the timeline" />
      ) : timeline.isError ? (
        <ErrorAlert
          error={timeline.error}
          title="The timeline could not be loaded"
          onRetry={() => void timeline.refetch()}
        />
      ) : items.length === 0 ? (
        <EmptyState
          title="Nothing here yet"
          description="Payments, invoices, emails, profile changes and notes show up here as they happen."
        />
      ) : (
        <>
          <ol className="timeline" data-testid="customer-timeline">
            {items.map((item) => {
              const by = actorText(item.actor)
              const detail = detailOf(item)
              return (
                <li key={item.id} className={`timeline__item timeline__item--${item.kind}`}>
                  <span className="timeline__icon" title={KINDS.find((k) => k.kind === item.kind)?.label}>
                    {KINDS.find((k) => k.kind === item.kind)?.icon}
                  </span>
                  <div>
                    <div className="timeline__title">{item.title}</div>
                    {detail ? <div className="timeline__detail">{detail}</div> : null}
                    <div className="timeline__meta">
                      <time dateTime={item.at} title={formatDateTime(item.at)}>
                        {formatRelative(item.at)}
                      </time>
                      {by ? ` · ${by}` : null}
                    </div>
                  </div>
                </li>
              )
            })}
          </ol>
          {timeline.hasNextPage ? (
            <button
              type="button"
              className="button button--ghost button--small"
              disabled={timeline.isFetchingNextPage}
              onClick={() => void timeline.fetchNextPage()}
            >
              {timeline.isFetchingNextPage ? 'Loading…' : 'Load more'}
            </button>
          ) : null}
        </>
      )}
    </section>
  )
}
