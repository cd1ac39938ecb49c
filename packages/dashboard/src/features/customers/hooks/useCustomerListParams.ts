import { useCallback, useMemo } from 'react'
import { useLocation, useSearchParams } from 'react-router'
import type { CustomerSort, ListCustomersParams } from '../api'
import { customerStatuses, customerTiers, customerTypes } from '../labels'

export const PAGE_SIZES = [10, 25, 50, 100] as const
export const DEFAULT_PAGE_SIZE = 25
export const DEFAULT_SORT: CustomerSort = '-createdAt'
const SORTS: readonly CustomerSort[] = [
  'name',
  '-name',
  'createdAt',
  '-createdAt',
  'lifetimeValue',
  '-lifetimeValue',
]

export type FilterKey = 'q' | 'status' | 'type' | 'tier' | 'country' | 'tag' | 'segmentId'
export const FILTER_KEYS: readonly FilterKey[] = [
  'q',
  'status',
  'type',
  'tier',
  'country',
  'tag',
  'segmentId',
]

/** Cursors of the pages before the current one, kept in the history entry so Back and reload keep them. */
interface ListHistoryState {
  prevCursors?: string[]
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined
}

/** Reads the list query from the URL, ignoring values the API would reject. */
export function parseListParams(
  search: URLSearchParams,
): Required<Pick<ListCustomersParams, 'sort' | 'limit'>> & ListCustomersParams {
  const text = (key: string) => search.get(key)?.trim() || undefined
  const limit = Number(search.get('limit'))
  const country = text('country')?.toUpperCase()
  return {
    q: text('q'),
    status: oneOf(search.get('status'), customerStatuses),
    type: oneOf(search.get('type'), customerTypes),
    tier: oneOf(search.get('tier'), customerTiers),
    country: country && /^[A-Z]{2}$/.test(country) ? country : undefined,
    tag: text('tag'),
    segmentId: text('segmentId'),
    sort: oneOf(search.get('sort'), SORTS) ?? DEFAULT_SORT,
    limit: (PAGE_SIZES as readonly number[]).includes(limit) ? limit : DEFAULT_PAGE_SIZE,
    cursor: text('cursor'),
  }
}

/** The customer list's search, filters, sort and page, all in the URL so a view can be shared. */
export function useCustomerListParams() {
  const [search, setSearch] = useSearchParams()
  const location = useLocation()
  const params = useMemo(() => parseListParams(search), [search])
  const prevCursors = (location.state as ListHistoryState | null)?.prevCursors ?? []

  const update = useCallback(
    (
      changes: Record<string, string | undefined>,
      opts: { replace?: boolean; state?: ListHistoryState } = {},
    ) => {
      const next = new URLSearchParams(search)
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined || value === '') next.delete(key)
        else next.set(key, value)
      }
      setSearch(next, { replace: opts.replace ?? false, state: opts.state ?? {} })
    },
    [search, setSearch],
  )

  /** A new filter or sort starts again from the first page. */
  const setFilter = useCallback(
    (key: FilterKey | 'sort' | 'limit', value: string | undefined, opts: { replace?: boolean } = {}) =>
      update({ [key]: value, cursor: undefined }, opts),
    [update],
  )

  const clearFilters = useCallback(
    () => update(Object.fromEntries([...FILTER_KEYS, 'cursor'].map((k) => [k, undefined]))),
    [update],
  )

  const nextPage = useCallback(
    (cursor: string) => update({ cursor }, { state: { prevCursors: [...prevCursors, params.cursor ?? ''] } }),
    [update, prevCursors, params.cursor],
  )

  const previousPage = useCallback(() => {
    const before = prevCursors.slice(0, -1)
    // An empty string stands for the first page; without a stack (a pasted URL), go to the first page.
    update({ cursor: prevCursors.at(-1) || undefined }, { state: { prevCursors: before } })
  }, [update, prevCursors])

  const hasFilters = FILTER_KEYS.some((k) => params[k] !== undefined)
  // Zero-based; null when the page was opened from a pasted URL and its position is unknown.
  const pageIndex = params.cursor ? prevCursors.length || null : 0
  return { params, setFilter, clearFilters, nextPage, previousPage, hasFilters, pageIndex }
}
