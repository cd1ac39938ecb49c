import type { UseQueryResult } from '@tanstack/react-query'
import { type ReactNode, useState } from 'react'
import { ErrorAlert } from '../../../ui/Alert'
import { EmptyState } from '../../../ui/EmptyState'
import { CardIcon } from '../../../ui/icons'
import { Pagination } from '../../../ui/Pagination'
import { LoadingBlock } from '../../../ui/Spinner'
import type { Payment, PaymentList as PaymentPage } from '../api'
import { PAGE_SIZES, type PaymentFilterKey, type usePaymentListParams } from '../hooks/usePaymentListParams'
import { AssignPaymentDialog } from './AssignPaymentDialog'
import { PaymentFilters } from './PaymentFilters'
import { PaymentsTable } from './PaymentsTable'
import { RefundPaymentDialog } from './RefundPaymentDialog'

export interface PaymentListProps {
  list: UseQueryResult<PaymentPage>
  params: ReturnType<typeof usePaymentListParams>
  filters: readonly PaymentFilterKey[]
  /** Adds a Customer column. */
  showCustomers?: boolean
  /** Lets the merchant assign payments that arrived without a customer (not for viewers). */
  canAssign?: boolean
  /** Lets the merchant record refunds (not for viewers, who may still see them). */
  canRefund?: boolean
  /** What an unfiltered, empty first page shows. */
  empty: { title: string; description: ReactNode; actions?: ReactNode }
  label?: string
}

/** Filters, the table of payments with its loading, error and empty states, and cursor pagination. */
export function PaymentList({
  list,
  params,
  filters,
  showCustomers = false,
  canAssign = false,
  canRefund = false,
  empty,
  label,
}: PaymentListProps) {
  const { view, setFilter, clearFilters, nextPage, previousPage, hasFilters, pageIndex } = params
  const rows = list.data?.data ?? []
  const [assigning, setAssigning] = useState<Payment | null>(null)
  const [refunding, setRefunding] = useState<string | null>(null)

  let body: ReactNode
  if (list.isPending) body = <LoadingBlock label="Loading payments" />
  else if (list.isError && !list.data)
    body = (
      <div className="card__inset">
        <ErrorAlert
          error={list.error}
          title="Payments could not be loaded"
          onRetry={() => void list.refetch()}
        />
      </div>
    )
  else if (rows.length === 0)
    body = hasFilters ? (
      <EmptyState
        icon={<CardIcon width={28} height={28} />}
        title="No payments match"
        description="No payment has this status, network or date. Clear the filters to see them all."
        actions={
          <button type="button" className="button button--secondary" onClick={clearFilters}>
            Clear filters
          </button>
        }
      />
    ) : view.cursor ? (
      <EmptyState
        title="No more payments"
        description="This page is past the end of the list."
        actions={
          <button type="button" className="button button--secondary" onClick={previousPage}>
            Back
          </button>
        }
      />
    ) : (
      <EmptyState icon={<CardIcon width={28} height={28} />} {...empty} />
    )
  else
    body = (
      <>
        {list.isError ? (
          <div className="card__inset">
            <ErrorAlert error={list.error} title="Could not refresh" onRetry={() => void list.refetch()} />
          </div>
        ) : null}
        <PaymentsTable
          payments={rows}
          stale={list.isPlaceholderData}
          showCustomer={showCustomers}
          onAssign={canAssign ? setAssigning : undefined}
          onRefund={(p) => setRefunding(p.id)}
          canRefund={canRefund}
          {...(label ? { label } : {})}
        />
        <Pagination
          pageIndex={pageIndex}
          pageSize={view.limit}
          rowCount={rows.length}
          hasPrevious={Boolean(view.cursor)}
          nextCursor={list.data?.nextCursor ?? null}
          onPrevious={previousPage}
          onNext={nextPage}
          onPageSize={(size) => setFilter('limit', String(size))}
          pageSizes={PAGE_SIZES}
          hints={
            <>
              <kbd>↑</kbd>
              <kbd>↓</kbd> move · <kbd>Enter</kbd> open · <kbd>Tab</kbd> links
            </>
          }
        />
      </>
    )

  return (
    <>
      <PaymentFilters
        view={view}
        filters={filters}
        onChange={setFilter}
        onClear={clearFilters}
        hasFilters={hasFilters}
      />
      {body}
      <AssignPaymentDialog payment={assigning} onClose={() => setAssigning(null)} />
      <RefundPaymentDialog paymentId={refunding} canRefund={canRefund} onClose={() => setRefunding(null)} />
    </>
  )
}
