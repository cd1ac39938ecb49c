import { useEffect, useMemo, useRef, useState } from 'react'
import { Link, useNavigate } from 'react-router'
import { ErrorAlert } from '../../../../ui/Alert'
import { DocumentTitle } from '../../../../ui/DocumentTitle'
import { EmptyState } from '../../../../ui/EmptyState'
import { Flash } from '../../../../ui/Flash'
import { PlusIcon, UploadIcon, UsersIcon } from '../../../../ui/icons'
import { PageHeader } from '../../../../ui/PageHeader'
import { Pagination } from '../../../../ui/Pagination'
import { LoadingBlock } from '../../../../ui/Spinner'
import { useCurrentMe } from '../../../auth/hooks/useMe'
import { BulkActionBar } from '../../../bulk-actions/components/BulkActionBar'
import { BulkActionProgress } from '../../../bulk-actions/components/BulkActionProgress'
import { useRowSelection } from '../../../bulk-actions/hooks/useRowSelection'
import { ExportButton } from '../../../exports/components/ExportButton'
import { SegmentChips } from '../../../segments/components/SegmentChips'
import { useSegmentCount } from '../../../segments/hooks/queries'
import { useCustomerList } from '../../hooks/queries'
import { PAGE_SIZES, useCustomerListParams } from '../../hooks/useCustomerListParams'
import { usePageShortcuts } from '../../hooks/useListShortcuts'
import { CustomerFilters } from './CustomerFilters'
import { CustomerTable } from './CustomerTable'

/** /customers: search, filter, sort and page through the merchant's customers. */
export function CustomersPage() {
  const navigate = useNavigate()
  const me = useCurrentMe()
  const currency = me.merchant.reportingCurrency
  // Viewers can read but not write: no "New customer" for them.
  const canWrite = me.role !== 'viewer'
  const searchRef = useRef<HTMLInputElement>(null)
  const focusTable = useRef<(() => void) | null>(null)
  const { params, setFilter, clearFilters, nextPage, previousPage, hasFilters, pageIndex } =
    useCustomerListParams()
  const list = useCustomerList(params)

  usePageShortcuts({
    '/': () => searchRef.current?.focus(),
    ...(canWrite ? { n: () => navigate('/customers/new') } : {}),
  })

  const rows = list.data?.data ?? []
  const ids = useMemo(() => rows.map((r) => r.id), [rows])
  const selection = useRowSelection(ids)
  const [running, setRunning] = useState<string | null>(null)
  const segmentCount = useSegmentCount(params.segmentId)
  // A new filter or page is a new set of rows: what was checked no longer shows.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the filters are the trigger
  useEffect(
    () => selection.clear(),
    [
      params.q,
      params.status,
      params.type,
      params.tier,
      params.country,
      params.tag,
      params.segmentId,
      params.cursor,
    ],
  )
  const onlySegment =
    params.segmentId &&
    !params.q &&
    !params.status &&
    !params.type &&
    !params.tier &&
    !params.country &&
    !params.tag
  const newButton = canWrite ? (
    <Link to="/customers/new" className="button button--primary" aria-keyshortcuts="n">
      <PlusIcon />
      New customer
    </Link>
  ) : null

  return (
    <>
      <Flash />
      <DocumentTitle title="Customers" />
      <PageHeader
        title="Customers"
        description="Everyone who pays you, with what they paid and how they like to pay."
        actions={
          <>
            <Link to="/customers/duplicates" className="button button--secondary">
              Review duplicates
            </Link>
            <ExportButton path="/customers/export" filters={params} />
            {canWrite ? (
              <Link to="/customers/import" className="button button--secondary">
                <UploadIcon />
                Import
              </Link>
            ) : null}
            {newButton}
          </>
        }
      />
      <section className="card card--flush">
        <SegmentChips value={params.segmentId} onChange={(id) => setFilter('segmentId', id)} />
        {running ? <BulkActionProgress id={running} onDismiss={() => setRunning(null)} /> : null}
        {canWrite ? (
          <BulkActionBar
            selectedIds={[...selection.selected]}
            all={selection.all}
            matching={onlySegment ? segmentCount.data?.count : undefined}
            filters={params}
            pageCount={rows.length}
            onSelectAll={selection.selectAll}
            onClear={selection.clear}
            onStarted={(id) => {
              setRunning(id)
              selection.clear()
            }}
          />
        ) : null}
        <CustomerFilters
          params={params}
          onChange={setFilter}
          onClear={clearFilters}
          hasFilters={hasFilters}
          searchRef={searchRef}
          onLeaveSearch={() => focusTable.current?.()}
        />
        {list.isPending ? (
          <LoadingBlock label="Loading customers" />
        ) : list.isError && !list.data ? (
          <div className="card__inset">
            <ErrorAlert
              error={list.error}
              title="Customers could not be loaded"
              onRetry={() => void list.refetch()}
            />
          </div>
        ) : rows.length === 0 ? (
          hasFilters ? (
            <EmptyState
              icon={<UsersIcon width={28} height={28} />}
              title="No customers match"
              description="Try another search, or clear the filters to see everyone."
              actions={
                <button type="button" className="button button--secondary" onClick={clearFilters}>
                  Clear filters
                </button>
              }
            />
          ) : params.cursor ? (
            <EmptyState
              title="No more customers"
              description="This page is past the end of the list."
              actions={
                <button type="button" className="button button--secondary" onClick={previousPage}>
                  Back
                </button>
              }
            />
          ) : (
            <EmptyState
              icon={<UsersIcon width={28} height={28} />}
              title="No customers yet"
              description="Add your first customer to keep their details, preferences and payments in one place."
              actions={newButton}
            />
          )
        ) : (
          <>
            {list.isError ? (
              <div className="card__inset">
                <ErrorAlert
                  error={list.error}
                  title="Could not refresh"
                  onRetry={() => void list.refetch()}
                />
              </div>
            ) : null}
            <CustomerTable
              customers={rows}
              sort={params.sort}
              onSort={(sort) => setFilter('sort', sort)}
              currency={currency}
              onOpen={(c) => navigate(`/customers/${c.id}`)}
              stale={list.isPlaceholderData}
              focusRef={focusTable}
              {...(canWrite
                ? {
                    selection: {
                      selected: selection.selected,
                      onToggle: selection.toggle,
                      onTogglePage: selection.togglePage,
                    },
                  }
                : {})}
            />
            <Pagination
              pageIndex={pageIndex}
              pageSize={params.limit}
              rowCount={rows.length}
              hasPrevious={Boolean(params.cursor)}
              nextCursor={list.data?.nextCursor ?? null}
              onPrevious={previousPage}
              onNext={nextPage}
              onPageSize={(size) => setFilter('limit', String(size))}
              pageSizes={PAGE_SIZES}
              hints={
                <>
                  <kbd>/</kbd> search · <kbd>n</kbd> new · <kbd>↑</kbd>
                  <kbd>↓</kbd> move · <kbd>Enter</kbd> open
                </>
              }
            />
          </>
        )}
      </section>
    </>
  )
}
