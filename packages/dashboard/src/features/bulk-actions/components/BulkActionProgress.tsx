import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { ErrorAlert } from '../../../ui/Alert'
import { getBulkAction } from '../api'

const verbs: Record<string, string> = {
  addTags: 'Tagging',
  removeTags: 'Removing tags',
  setTier: 'Setting the tier',
  setStatus: 'Setting the status',
  delete: 'Deleting',
  export: 'Exporting',
  sendMessage: 'Sending the message',
}

/** A running bulk action's progress, polled until it ends; then its result (and the export's file). */
export function BulkActionProgress({ id, onDismiss }: { id: string; onDismiss: () => void }) {
  const qc = useQueryClient()
  const action = useQuery({
    queryKey: ['bulk-actions', id],
    queryFn: ({ signal }) => getBulkAction(id, signal),
    refetchInterval: (q) =>
      q.state.data && ['completed', 'failed'].includes(q.state.data.status) ? false : 500,
  })
  const status = action.data?.status
  useEffect(() => {
    if (status === 'completed') {
      void qc.invalidateQueries({ queryKey: ['customers'] })
      void qc.invalidateQueries({ queryKey: ['segments'] })
    }
  }, [status, qc])

  if (action.isError)
    return <ErrorAlert error={action.error} title="The bulk action’s progress could not be read" />
  const a = action.data
  const total = a?.total ?? a?.matched ?? 0
  return (
    <div className="bulk-progress" role="status" aria-live="polite">
      <strong>{a ? verbs[a.action] : 'Starting'}</strong>{' '}
      {a?.status === 'completed' && a.action === 'sendMessage' ? (
        <span>
          done: queued for {a.changed.toLocaleString()} of {total.toLocaleString()} customers
          {a.skipped > 0 ? `; ${a.skipped.toLocaleString()} skipped (no email address or unsubscribed)` : ''}.
        </span>
      ) : a?.status === 'completed' ? (
        <span>
          done: {a.changed.toLocaleString()} of {total.toLocaleString()} customers changed
          {a.action === 'export' ? ' (exported)' : ''}.
        </span>
      ) : a?.status === 'failed' ? (
        <span className="text-danger">failed: {a.failure?.message}</span>
      ) : (
        <>
          <progress max={Math.max(1, total)} value={a?.processed ?? 0} aria-label="Bulk action progress" />{' '}
          <span>
            {(a?.processed ?? 0).toLocaleString()} / {total.toLocaleString()}
          </span>
        </>
      )}
      {a?.downloadUrl ? (
        <a className="button button--secondary button--small" href={a.downloadUrl} download>
          Download CSV
        </a>
      ) : null}
      {a?.status === 'completed' || a?.status === 'failed' ? (
        <button type="button" className="button button--ghost button--small" onClick={onDismiss}>
          Dismiss
        </button>
      ) : null}
    </div>
  )
}
