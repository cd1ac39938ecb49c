import type { Timeline, TimelineKind } from '@coinbook/api/contracts'
import { useInfiniteQuery } from '@tanstack/react-query'
import { apiRequest } from '../../../api/client'

/** One page of a customer's timeline, newest first. */
export function getCustomerTimeline(
  id: string,
  params: { cursor?: string | undefined; limit?: number; types?: readonly TimelineKind[] },
  signal?: AbortSignal,
): Promise<Timeline> {
  return apiRequest<Timeline>(`/customers/${encodeURIComponent(id)}/timeline`, {
    query: {
      cursor: params.cursor,
      limit: params.limit,
      types: params.types?.length ? params.types.join(',') : undefined,
    },
    signal,
  })
}

/** The timeline a page at a time ("Load more" fetches the next); under the customers key, so edits refresh it. */
export function useCustomerTimeline(id: string, types: readonly TimelineKind[] = [], limit = 20) {
  return useInfiniteQuery({
    queryKey: ['customers', 'timeline', id, types.join(','), limit],
    queryFn: ({ pageParam, signal }) => getCustomerTimeline(id, { cursor: pageParam, limit, types }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  })
}
