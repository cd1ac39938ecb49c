import { useMutation } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { ErrorAlert } from '../../../ui/Alert'
import type { ListCustomersParams } from '../../customers/api'
import { type BulkSelectionInput, type CreateBulkActionInput, createBulkAction } from '../api'
import { SendMessageDialog } from './SendMessageDialog'

type Action = CreateBulkActionInput['action']

export interface BulkActionBarProps {
  selectedIds: readonly string[]
  /** Every customer the filters match is selected, not only the checked rows. */
  all: boolean
  /** How many the filters match, when known (a segment's count). */
  matching: number | undefined
  filters: ListCustomersParams
  pageCount: number
  onSelectAll: () => void
  onClear: () => void
  onStarted: (bulkActionId: string) => void
}

const labels: Record<Action, string> = {
  addTags: 'Add tags',
  removeTags: 'Remove tags',
  setTier: 'Set tier',
  setStatus: 'Set status',
  sendMessage: 'Send message',
  requestPaymentDetails: 'Request payment details',
  export: 'Export CSV',
  delete: 'Delete',
}

/**
 * Acts on the checked customers or on all that match: tags, tier, status, a message (written in a
 * dialog), export, delete (confirmed).
 */
export function BulkActionBar({
  selectedIds,
  all,
  matching,
  filters,
  pageCount,
  onSelectAll,
  onClear,
  onStarted,
}: BulkActionBarProps) {
  const [action, setAction] = useState<Action>('addTags')
  const [value, setValue] = useState('')
  const [writing, setWriting] = useState(false)
  const count = all ? matching : selectedIds.length
  const start = useMutation({ mutationFn: createBulkAction, onSuccess: (a) => onStarted(a.id) })

  if (selectedIds.length === 0 && !all) return null

  const { q, status, type, tag, country, tier, segmentId } = filters
  const selection: BulkSelectionInput = all
    ? segmentId && !q && !status && !type && !tag && !country && !tier
      ? { segmentId }
      : { filter: { q, status, type, tag, country, tier, segmentId } }
    : { ids: [...selectedIds] }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    if (action === 'sendMessage') {
      setWriting(true)
      return
    }
    const tags = value
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean)
    let input: CreateBulkActionInput
    if (action === 'addTags' || action === 'removeTags') input = { action, selection, params: { tags } }
    else if (action === 'setTier')
      input = { action, selection, params: { tier: (value || null) as 'gold' | null } }
    else if (action === 'setStatus')
      input = { action, selection, params: { status: (value || 'active') as 'active' } }
    else if (action === 'delete') {
      if (count === undefined) return
      if (!window.confirm(`Delete ${count} customers? This cannot be undone from the dashboard.`)) return
      input = { action, selection, params: { confirmCount: count } }
    } else if (action === 'requestPaymentDetails') input = { action, selection, params: {} }
    else input = { action: 'export', selection, params: {} }
    start.mutate(input)
  }

  return (
    <>
      <form className="bulk-bar" aria-label="Bulk actions" onSubmit={onSubmit}>
        <span className="bulk-bar__count" data-testid="bulk-count">
          {all
            ? matching === undefined
              ? 'All matching customers selected'
              : `All ${matching.toLocaleString()} matching selected`
            : `${selectedIds.length} selected`}
        </span>
        {!all && selectedIds.length === pageCount ? (
          <button type="button" className="button button--ghost button--small" onClick={onSelectAll}>
            {matching === undefined
              ? 'Select all matching'
              : `Select all ${matching.toLocaleString()} matching`}
          </button>
        ) : null}
        <select
          aria-label="Action"
          className="input input--small"
          value={action}
          onChange={(e) => setAction(e.target.value as Action)}
        >
          {(Object.keys(labels) as Action[])
            .filter((a) => a !== 'delete' || count !== undefined)
            .map((a) => (
              <option key={a} value={a}>
                {labels[a]}
              </option>
            ))}
        </select>
        {action === 'addTags' || action === 'removeTags' ? (
          <input
            aria-label="Tags"
            className="input input--small"
            placeholder="tag, another"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            required
          />
        ) : action === 'setTier' ? (
          <select
            aria-label="Tier"
            className="input input--small"
            value={value}
            onChange={(e) => setValue(e.target.value)}
          >
            <option value="">No tier</option>
            {['bronze', 'silver', 'gold', 'platinum'].map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        ) : action === 'setStatus' ? (
          <select
            aria-label="Status"
            className="input input--small"
            value={value}
            onChange={(e) => setValue(e.target.value)}
          >
            {['active', 'inactive', 'suspended'].map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        ) : null}
        <button
          type="submit"
          className={`button button--small ${action === 'delete' ? 'button--danger' : 'button--primary'}`}
          disabled={start.isPending}
        >
          Apply
        </button>
        <button type="button" className="button button--ghost button--small" onClick={onClear}>
          Clear selection
        </button>
        {start.isError ? <ErrorAlert error={start.error} title="The bulk action did not start" /> : null}
      </form>
      <SendMessageDialog
        open={writing}
        selection={selection}
        onClose={() => setWriting(false)}
        onStarted={(id) => {
          setWriting(false)
          onStarted(id)
        }}
      />
    </>
  )
}
