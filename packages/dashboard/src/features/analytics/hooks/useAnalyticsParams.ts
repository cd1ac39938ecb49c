import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router'
import { allAssets, allNetworks } from '../../../chains/coins'
import type { AnalyticsParams } from '../api'

export const groupings = ['day', 'week', 'month'] as const
export type Grouping = (typeof groupings)[number]

/** Preset ranges, in days ending today. */
export const presets = [
  { days: 7, label: '7 days' },
  { days: 30, label: '30 days' },
  { days: 90, label: '90 days' },
  { days: 365, label: '12 months' },
] as const

const DAY = /^\d{4}-\d{2}-\d{2}$/
const day = (v: string | null) => (v && DAY.test(v) && !Number.isNaN(Date.parse(v)) ? v : undefined)
const oneOf = <T extends string>(v: string | null, allowed: readonly string[]) =>
  v !== null && allowed.includes(v) ? (v as T) : undefined

/** "today" minus `days − 1`, as YYYY-MM-DD (UTC, as the API counts days). */
export function daysAgo(days: number, today = new Date()): string {
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - (days - 1)))
  return d.toISOString().slice(0, 10)
}

/** The page's filters live in the URL, so a view can be bookmarked and shared. */
export function useAnalyticsParams() {
  const [search, setSearch] = useSearchParams()
  const params = useMemo<AnalyticsParams & { groupBy: Grouping }>(() => {
    const from = day(search.get('from'))
    const to = day(search.get('to'))
    const asset = oneOf<NonNullable<AnalyticsParams['asset']>>(search.get('asset'), allAssets)
    const network = oneOf<NonNullable<AnalyticsParams['network']>>(search.get('network'), allNetworks)
    const country = search.get('country')?.match(/^[A-Z]{2}$/) ? (search.get('country') as string) : undefined
    return {
      from: from ?? daysAgo(30),
      ...(to ? { to } : {}),
      groupBy: oneOf<Grouping>(search.get('groupBy'), groupings) ?? 'day',
      ...(asset ? { asset } : {}),
      ...(network ? { network } : {}),
      ...(country ? { country } : {}),
    }
  }, [search])

  const set = useCallback(
    (changes: Record<string, string | undefined>) => {
      setSearch(
        (prev) => {
          const next = new URLSearchParams(prev)
          for (const [k, v] of Object.entries(changes)) {
            if (v) next.set(k, v)
            else next.delete(k)
          }
          return next
        },
        { replace: true },
      )
    },
    [setSearch],
  )
  return { params, set }
}
