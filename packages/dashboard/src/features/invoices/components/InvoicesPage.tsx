import { useState } from 'react'
import { Link } from 'react-router'
import { ErrorAlert } from '../../../ui/Alert'
import { CursorPager } from '../../../ui/CursorPager'
import { DocumentTitle } from '../../../ui/DocumentTitle'
import { EmptyState } from '../../../ui/EmptyState'
import { FilterSelect } from '../../../ui/FilterSelect'
import { PlusIcon } from '../../../ui/icons'
import { PageHeader } from '../../../ui/PageHeader'
import { LoadingBlock } from '../../../ui/Spinner'
import { useCurrentMe } from '../../auth/hooks/useMe'
import type { InvoiceStatus, ListInvoicesParams } from '../api'
import { useInvoiceList } from '../hooks/queries'
import { invoiceStatusOptions } from '../labels'
import { InvoicesTable } from './InvoicesTable'

const PAGE_SIZE = 25

/** /invoices — every invoice, filtered by status, overdue and a search, newest first. */
export function InvoicesPage() {
  const [status, setStatus] = useState<InvoiceStatus | undefined>()
  const [overdue, setOverdue] = useState<'true' | undefined>()
  const [q, setQ] = useState('')
  // The cursors of the pages before this one: Previous pops, Next pushes.
  const [cursors, setCursors] = useState<string[]>([])
  const params: ListInvoicesParams = {
    limit: PAGE_SIZE,
    ...(status ? { status } : {}),
    ...(overdue ? { overdue } : {}),
    ...(q.trim() ? { q: q.trim() } : {}),
    ...(cursors.length ? { cursor: cursors.at(-1) } : {}),
  }
  const list = useInvoiceList(params)
  const canWrite = useCurrentMe().role !== 'viewer'
  const restart =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      setCursors([])
      set(v)
    }
  const filtered = Boolean(status || overdue || q.trim())
  return (
    <>
      <DocumentTitle title="Invoices" />
      <PageHeader
        title="Invoices"
        description="What your customers owe, what they paid on chain or otherwise, and what is overdue."
        actions={
          canWrite ? (
            <Link to="/invoices/new" className="button button--primary">
              <PlusIcon />
              New invoice
            </Link>
          ) : null
        }
      />
      <section className="card card--flush" aria-label="Invoice list">
        <search className="filters" aria-label="Filter invoices">
          <label className="filter">
            <span className="filter__label">Search</span>
            <input
              className="input input--small"
              type="search"
              placeholder="Number or customer"
              value={q}
              onChange={(e) => restart(setQ)(e.target.value)}
            />
          </label>
          <FilterSelect
            label="Status"
            value={status}
            onChange={(v) => restart(setStatus)(v as InvoiceStatus | undefined)}
            options={invoiceStatusOptions}
          />
          <FilterSelect
            label="Overdue"
            value={overdue}
            onChange={(v) => restart(setOverdue)(v === 'true' ? 'true' : undefined)}
            options={[{ value: 'true', label: 'Overdue only' }]}
          />
        </search>
        {list.isError ? (
          <ErrorAlert
            error={list.error}
            title="The invoices could not be loaded"
            onRetry={() => list.refetch()}
          />
        ) : !list.data ? (
          <LoadingBlock label="Loading invoices" />
        ) : list.data.data.length === 0 ? (
          <EmptyState
            title={filtered ? 'No invoices match' : 'No invoices yet'}
            description={
              filtered
                ? 'Try another status or search.'
                : 'Invoices you create here, through the API or with “Charge now” on a customer’s profile appear here.'
            }
          />
        ) : (
          <>
            <InvoicesTable invoices={list.data.data} stale={list.isPlaceholderData} />
            <CursorPager cursors={cursors} setCursors={setCursors} nextCursor={list.data.nextCursor} />
          </>
        )}
      </section>
    </>
  )
}
