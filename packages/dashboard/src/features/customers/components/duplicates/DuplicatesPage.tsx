import { useState } from 'react'
import { Link } from 'react-router'
import { errorMessage } from '../../../../api/problem'
import { Alert, ErrorAlert } from '../../../../ui/Alert'
import { ConfirmDialog } from '../../../../ui/ConfirmDialog'
import { DocumentTitle } from '../../../../ui/DocumentTitle'
import { EmptyState } from '../../../../ui/EmptyState'
import { MergeIcon } from '../../../../ui/icons'
import { PageHeader } from '../../../../ui/PageHeader'
import { LoadingBlock } from '../../../../ui/Spinner'
import { useCurrentMe } from '../../../auth/hooks/useMe'
import type { CustomerDto, DuplicateGroup } from '../../api'
import { useDuplicates, useMergeCustomers } from '../../hooks/queries'
import { DuplicateGroupCard } from './DuplicateGroupCard'

interface PendingMerge {
  keep: CustomerDto
  others: CustomerDto[]
}

/** /customers/duplicates — likely duplicates (same email, phone, or name and company) and merging them. */
export function DuplicatesPage() {
  const me = useCurrentMe()
  const duplicates = useDuplicates()
  const merge = useMergeCustomers()
  const [pending, setPending] = useState<PendingMerge | null>(null)
  const [merged, setMerged] = useState<{ keep: CustomerDto; count: number } | null>(null)
  const [running, setRunning] = useState(false)

  const onKeep = (keep: CustomerDto, group: DuplicateGroup) => {
    merge.reset()
    setPending({ keep, others: group.customers.filter((c) => c.id !== keep.id) })
  }

  const confirm = async () => {
    if (!pending) return
    setRunning(true)
    let kept = pending.keep
    try {
      // The API merges one duplicate at a time; a group of three is two merges into the same keeper.
      for (const other of pending.others) {
        kept = await merge.mutateAsync({ keepId: pending.keep.id, duplicateId: other.id })
      }
      setMerged({ keep: kept, count: pending.others.length })
      setPending(null)
    } catch {
      // merge.error holds it; the dialog shows it.
    } finally {
      setRunning(false)
    }
  }

  return (
    <>
      <DocumentTitle title="Duplicates" />
      <PageHeader
        breadcrumb={<Link to="/customers">Customers</Link>}
        title="Duplicates"
        description="Customers who share an email, a phone, or a name and company. Pick the record to keep; the others are merged into it."
      />
      {merged ? (
        <Alert tone="success" title="Merged">
          {merged.count === 1 ? 'One customer was' : `${merged.count} customers were`} merged into{' '}
          <Link to={`/customers/${merged.keep.id}`}>{merged.keep.name}</Link>. Tags, notes and missing details
          were combined.
        </Alert>
      ) : null}
      {duplicates.isPending ? (
        <LoadingBlock label="Looking for duplicates" />
      ) : duplicates.isError ? (
        <ErrorAlert
          error={duplicates.error}
          title="Duplicates could not be loaded"
          onRetry={() => void duplicates.refetch()}
        />
      ) : duplicates.data.length === 0 ? (
        <section className="card">
          <EmptyState
            icon={<MergeIcon width={28} height={28} />}
            title="No duplicates found"
            description="No two customers share an email, a phone, or a name and company."
            actions={
              <Link to="/customers" className="button button--secondary">
                Back to customers
              </Link>
            }
          />
        </section>
      ) : (
        <div className="stack">
          {duplicates.data.map((group) => (
            <DuplicateGroupCard
              key={`${group.reason}:${group.key}`}
              group={group}
              currency={me.merchant.reportingCurrency}
              canWrite={me.role !== 'viewer'}
              onKeep={onKeep}
            />
          ))}
        </div>
      )}
      <ConfirmDialog
        open={pending !== null}
        title={pending ? `Merge into ${pending.keep.name}?` : 'Merge'}
        confirmLabel="Merge"
        busy={running}
        error={merge.error ? errorMessage(merge.error) : null}
        onCancel={() => setPending(null)}
        onConfirm={() => void confirm()}
      >
        {pending ? (
          <>
            <p>
              <strong>{pending.keep.name}</strong> is kept. {pending.others.map((o) => o.name).join(', ')}{' '}
              {pending.others.length === 1 ? 'is' : 'are'} merged into it and removed:
            </p>
            <ul className="bullets">
              <li>Empty fields of the kept customer are filled in from the others.</li>
              <li>Tags and notes are combined.</li>
              <li>Payments, invoices and addresses move to the kept customer.</li>
            </ul>
            <p className="muted">This cannot be undone; it is recorded in the activity log.</p>
          </>
        ) : null}
      </ConfirmDialog>
    </>
  )
}
