import { Fragment, useState } from 'react'
import { errorMessage } from '../../../api/problem'
import { formatDateTime } from '../../../format/dates'
import { ErrorAlert } from '../../../ui/Alert'
import { EmptyState } from '../../../ui/EmptyState'
import { FilterSelect } from '../../../ui/FilterSelect'
import { LoadingBlock } from '../../../ui/Spinner'
import { useRovingRows } from '../../../ui/useRovingRows'
import type { DeliveryStatus, WebhookDelivery } from '../api'
import { useDeliveries, useDelivery, useReplayDelivery } from '../hooks/queries'
import { DeliveryStatusBadge } from './EndpointStatus'

const STATUS_OPTIONS = [
  { value: 'pending', label: 'Pending' },
  { value: 'succeeded', label: 'Delivered' },
  { value: 'failed', label: 'Failed' },
]

export interface DeliveryLogProps {
  endpointId: string
  /** Owners and admins may replay. */
  canReplay: boolean
}

/**
 * An endpoint's deliveries, newest first: arrows move between rows, Enter (or the chevron) shows every
 * attempt; Replay sends one again now with the same webhook-id.
 */
export function DeliveryLog({ endpointId, canReplay }: DeliveryLogProps) {
  const [status, setStatus] = useState<DeliveryStatus | undefined>(undefined)
  const [cursors, setCursors] = useState<string[]>([])
  const cursor = cursors.at(-1)
  const list = useDeliveries(endpointId, { status, ...(cursor ? { cursor } : {}) })
  const replay = useReplayDelivery(endpointId)
  const [open, setOpen] = useState<string | null>(null)
  const rows = list.data?.data ?? []
  const toggle = (d: WebhookDelivery) => setOpen((o) => (o === d.id ? null : d.id))
  const { active, rowProps } = useRovingRows(rows, toggle)

  return (
    <>
      <div className="filters card__inset">
        <div className="filters__row">
          <FilterSelect
            label="Status"
            value={status}
            onChange={(v) => {
              setStatus(v as DeliveryStatus | undefined)
              setCursors([])
            }}
            options={STATUS_OPTIONS}
          />
        </div>
      </div>
      {replay.error ? (
        <div className="card__inset">
          <ErrorAlert error={replay.error} title="The delivery could not be replayed" />
        </div>
      ) : null}
      {list.isPending ? (
        <LoadingBlock label="Loading deliveries" />
      ) : list.isError ? (
        <div className="card__inset">
          <ErrorAlert
            error={list.error}
            title="The delivery log could not be loaded"
            onRetry={() => void list.refetch()}
          />
        </div>
      ) : rows.length === 0 ? (
        <EmptyState
          title="No deliveries yet"
          description={
            status
              ? 'No delivery has this status.'
              : 'Deliveries appear here when a subscribed event happens, or when you send a test event.'
          }
        />
      ) : (
        <div className={`table-wrap${list.isPlaceholderData ? ' table-wrap--stale' : ''}`}>
          <table className="table" aria-label="Deliveries" aria-busy={list.isPlaceholderData}>
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Attempts
                </th>
                <th scope="col">Last result</th>
                <th scope="col">Created</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((d, index) => (
                <Fragment key={d.id}>
                  <tr className="table__row--focusable" {...rowProps(index)}>
                    <td>
                      <button
                        type="button"
                        className="link-button"
                        aria-expanded={open === d.id}
                        aria-controls={`attempts-${d.id}`}
                        tabIndex={index === active ? 0 : -1}
                        onClick={() => toggle(d)}
                      >
                        <span aria-hidden="true">{open === d.id ? '▾ ' : '▸ '}</span>
                        <code>{d.eventType}</code>
                      </button>
                    </td>
                    <td>
                      <DeliveryStatusBadge status={d.status} />
                      {d.status === 'pending' && d.nextAttemptAt && d.attempts > 0 ? (
                        <span className="muted small"> retry {formatDateTime(d.nextAttemptAt)}</span>
                      ) : null}
                    </td>
                    <td className="num">{d.attempts}</td>
                    <td className="small">
                      {d.lastStatusCode !== null ? `HTTP ${d.lastStatusCode}` : null}
                      {d.lastError && d.lastError !== `HTTP ${d.lastStatusCode}` ? (
                        <span className="muted"> {d.lastError}</span>
                      ) : null}
                      {d.lastStatusCode === null && !d.lastError ? <span className="muted">—</span> : null}
                    </td>
                    <td className="nowrap">
                      <time dateTime={d.createdAt}>{formatDateTime(d.createdAt)}</time>
                    </td>
                    <td className="num">
                      {canReplay ? (
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          tabIndex={index === active ? 0 : -1}
                          disabled={replay.isPending && replay.variables === d.id}
                          onClick={() => replay.mutate(d.id, { onSuccess: () => setOpen(d.id) })}
                        >
                          {replay.isPending && replay.variables === d.id ? 'Replaying…' : 'Replay'}
                        </button>
                      ) : null}
                    </td>
                  </tr>
                  {open === d.id ? (
                    <tr id={`attempts-${d.id}`}>
                      <td colSpan={6}>
                        <AttemptLog endpointId={endpointId} deliveryId={d.id} />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cursors.length > 0 || list.data?.nextCursor ? (
        <div className="pagination card__inset">
          <div className="pagination__buttons">
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={cursors.length === 0}
              onClick={() => setCursors((c) => c.slice(0, -1))}
            >
              Newer
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={!list.data?.nextCursor}
              onClick={() => {
                const next = list.data?.nextCursor
                if (next) setCursors((c) => [...c, next])
              }}
            >
              Older
            </button>
          </div>
        </div>
      ) : null}
    </>
  )
}

/** Every attempt of one delivery: when, trigger, status code, latency, response excerpt, error. */
function AttemptLog({ endpointId, deliveryId }: { endpointId: string; deliveryId: string }) {
  const detail = useDelivery(endpointId, deliveryId)
  if (detail.isPending) return <LoadingBlock label="Loading attempts" />
  if (detail.isError) return <p className="field__error">{errorMessage(detail.error)}</p>
  const attempts = detail.data.attemptLog
  if (attempts.length === 0) return <p className="muted">Not attempted yet.</p>
  return (
    <table className="kv-table" aria-label="Attempts">
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Started</th>
          <th scope="col">Trigger</th>
          <th scope="col">Status code</th>
          <th scope="col">Latency</th>
          <th scope="col">Response / error</th>
        </tr>
      </thead>
      <tbody>
        {attempts.map((a) => (
          <tr key={a.id}>
            <td>{a.attempt}</td>
            <td className="nowrap">{formatDateTime(a.startedAt)}</td>
            <td className="capitalize">{a.trigger}</td>
            <td>{a.statusCode ?? <span className="muted">No response</span>}</td>
            <td className="nowrap">{a.latencyMs} ms</td>
            <td className="small">
              {a.error ? <div className="field__error">{a.error}</div> : null}
              {a.responseExcerpt ? <code>{a.responseExcerpt}</code> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
