import { useCallback, useMemo } from 'react'
import { useLocation, useSearchParams } from 'react-router'
import { allAssets, allNetworks } from '../../../chains/coins'
import type { ListPaymentsParams } from '../api'
import { paymentStatuses } from '../labels'

export const PAGE_SIZES = [10, 25, 50, 100] as const
export const DEFAULT_PAGE_SIZE = 25

export type PaymentFilterKey = 'status' | 'network' | 'asset' | 'attribution' | 'from' | 'to'
export const ALL_PAYMENT_FILTERS: readonly PaymentFilterKey[] = [
  'status',
  'network',
  'asset',
  'attribution',
  'from',
  'to',
]
export const paymentAttributions = ['attributed', 'unattributed'] as const

/** The list as the URL holds it: `from` and `to` are calendar days, both included. */
export type PaymentListView = Pick<
  ListPaymentsParams,
  'status' | 'network' | 'asset' | 'attribution' | 'cursor'
> & {
  from?: string | undefined
  to?: string | undefined
  limit: number
}

interface ListHistoryState {
  prevCursors?: string[]
}

const DAY = /^\d{4}-\d{2}-\d{2}$/

function oneOf<T extends string>(value: string | null, allowed: readonly string[]): T | undefined {
  return value !== null && allowed.includes(value) ? (value as T) : undefined
}

function day(value: string | null): string | undefined {
  if (!value || !DAY.test(value)) return undefined
  return Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? undefined : value
}

/** "2026-03-04" → "2026-03-05". */
export function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString().slice(0, 10)
}

/** Reads the payment list from the URL, keeping only the filters the page offers and values the API accepts. */
export function parsePaymentListParams(
  search: URLSearchParams,
  filters: readonly PaymentFilterKey[] = ALL_PAYMENT_FILTERS,
): PaymentListView {
  const limit = Number(search.get('limit'))
  const view: PaymentListView = {
    limit: (PAGE_SIZES as readonly number[]).includes(limit) ? limit : DEFAULT_PAGE_SIZE,
    cursor: search.get('cursor')?.trim() || undefined,
  }
  if (filters.includes('status')) view.status = oneOf(search.get('status'), paymentStatuses)
  if (filters.includes('network')) view.network = oneOf(search.get('network'), allNetworks)
  if (filters.includes('asset')) view.asset = oneOf(search.get('asset'), allAssets)
  if (filters.includes('attribution'))
    view.attribution = oneOf(search.get('attribution'), paymentAttributions)
  if (filters.includes('from')) view.from = day(search.get('from'))
  if (filters.includes('to')) view.to = day(search.get('to'))
  return view
}

/**
 * The query the API gets: the API's `to` is exclusive ("detected before"), so the last day the merchant
 * picked is sent as the day after it.
 */
export function toApiParams(view: PaymentListView): ListPaymentsParams {
  const { to, ...rest } = view
  return { ...rest, ...(to ? { to: nextDay(to) } : {}) }
}

/**
 * Filters and page of a payment list, in the URL so a view can be shared; the cursors of earlier pages live
 * in the history entry. Other search parameters (e.g. the profile's `tab`) are kept.
 */
export function usePaymentListParams(filters: readonly PaymentFilterKey[] = ALL_PAYMENT_FILTERS) {
  const [search, setSearch] = useSearchParams()
  const location = useLocation()
  const view = useMemo(() => parsePaymentListParams(search, filters), [search, filters])
  const apiParams = useMemo(() => toApiParams(view), [view])
  const prevCursors = (location.state as ListHistoryState | null)?.prevCursors ?? []

  const update = useCallback(
    (changes: Record<string, string | undefined>, state: ListHistoryState = {}) => {
      const next = new URLSearchParams(search)
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined || value === '') next.delete(key)
        else next.set(key, value)
      }
      setSearch(next, { state })
    },
    [search, setSearch],
  )

  /** A new filter or page size starts again from the first page. */
  const setFilter = useCallback(
    (key: PaymentFilterKey | 'limit', value: string | undefined) =>
      update({ [key]: value, cursor: undefined }),
    [update],
  )

  const clearFilters = useCallback(
    () => update(Object.fromEntries([...filters, 'cursor'].map((k) => [k, undefined]))),
    [update, filters],
  )

  const nextPage = useCallback(
    (cursor: string) => update({ cursor }, { prevCursors: [...prevCursors, view.cursor ?? ''] }),
    [update, prevCursors, view.cursor],
  )

  const previousPage = useCallback(() => {
    // An empty string stands for the first page; without a stack (a pasted URL), go to the first page.
    update({ cursor: prevCursors.at(-1) || undefined }, { prevCursors: prevCursors.slice(0, -1) })
  }, [update, prevCursors])

  const hasFilters = filters.some((k) => view[k] !== undefined)
  // Zero-based; null when the page was opened from a pasted URL and its position is unknown.
  const pageIndex = view.cursor ? prevCursors.length || null : 0
  return { view, apiParams, setFilter, clearFilters, nextPage, previousPage, hasFilters, pageIndex }
}
