import { Link } from 'react-router'
import { formatDateTime, formatRelative } from '../../../../format/dates'
import { ErrorAlert } from '../../../../ui/Alert'
import { LoadingBlock } from '../../../../ui/Spinner'
import type { CustomerDto } from '../../api'
import { useCustomerAudit } from '../../hooks/queries'
import { describeActivity } from './activity'

export interface NotesTabProps {
  customer: CustomerDto
}

export function NotesTab({ customer }: NotesTabProps) {
  const audit = useCustomerAudit(customer.id)
  return (
    <div className="two-columns two-columns--wide-start">
      <section className="card">
        <div className="card__header">
          <h2 className="card__title">Notes</h2>
          <Link to={`/customers/${customer.id}/edit`} className="button button--ghost button--small">
            Edit notes
          </Link>
        </div>
        {customer.notes ? <p className="notes">{customer.notes}</p> : <p className="muted">No notes yet.</p>}
      </section>
      <section className="card">
        <h2 className="card__title">Activity</h2>
        {audit.isPending ? (
          <LoadingBlock label="Loading activity" />
        ) : audit.isError ? (
          <ErrorAlert
            error={audit.error}
            title="Activity could not be loaded"
            onRetry={() => void audit.refetch()}
          />
        ) : audit.data.length === 0 ? (
          <p className="muted">No activity recorded yet.</p>
        ) : (
          <ol className="timeline">
            {audit.data.map((entry) => {
              const { title, detail } = describeActivity(entry)
              return (
                <li key={entry.id} className="timeline__item">
                  <span className="timeline__dot" aria-hidden="true" />
                  <div>
                    <div className="timeline__title">{title}</div>
                    <div className="timeline__meta">
                      {entry.createdAt ? (
                        <time dateTime={entry.createdAt} title={formatDateTime(entry.createdAt)}>
                          {formatRelative(entry.createdAt)}
                        </time>
                      ) : null}
                      {detail ? ` · ${detail}` : null}
                    </div>
                  </div>
                </li>
              )
            })}
          </ol>
        )}
      </section>
    </div>
  )
}
