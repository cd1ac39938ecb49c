import { useQueries } from '@tanstack/react-query'
import { isProblem } from '../../../api/problem'
import { getCustomer } from '../../customers/api'
import { customerKeys } from '../../customers/hooks/queries'

export type CustomerNameState =
  | { state: 'loading' }
  | { state: 'found'; name: string }
  | { state: 'missing' }
  | { state: 'error' }

/**
 * The names of the customers on a page of payments: one GET /customers/{id} per distinct id, in parallel,
 * sharing the profile's cache entry (so an opened profile is not fetched again, and back).
 */
export function useCustomerNames(ids: readonly (string | null)[]): ReadonlyMap<string, CustomerNameState> {
  const distinct = [...new Set(ids.filter((id): id is string => Boolean(id)))]
  return useQueries({
    queries: distinct.map((id) => ({
      queryKey: customerKeys.detail(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => getCustomer(id, signal),
      staleTime: 5 * 60_000,
    })),
    combine: (results) =>
      new Map(
        results.map((r, i): [string, CustomerNameState] => {
          const id = distinct[i] as string
          if (r.data) return [id, { state: 'found', name: r.data.name }]
          if (r.isError)
            return [id, isProblem(r.error, 'not_found') ? { state: 'missing' } : { state: 'error' }]
          return [id, { state: 'loading' }]
        }),
      ),
  })
}
