import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { ApiProblem } from '../../../api/problem'
import { type Checkout, type CheckoutState, checkoutEventsUrl, getCheckout, isSettled } from '../api'

export const checkoutKey = (token: string) => ['checkout', token] as const

export interface UseCheckoutOptions {
  /** How often to refetch while the event stream is down. */
  pollIntervalMs?: number
}

/**
 * The checkout, kept live: each `state` event from the server is merged into the cached checkout. While the
 * stream is down (a proxy that drops it, a reconnect) the checkout is refetched on an interval instead,
 * until the stream delivers again or the invoice is settled.
 */
export function useCheckout(token: string, { pollIntervalMs = 5_000 }: UseCheckoutOptions = {}) {
  const client = useQueryClient()
  const [polling, setPolling] = useState(false)
  const query = useQuery({
    queryKey: checkoutKey(token),
    queryFn: ({ signal }) => getCheckout(token, signal),
    retry: (count, error) => !(error instanceof ApiProblem && error.status === 404) && count < 2,
    refetchInterval: (q) => (polling && !isSettled(q.state.data?.status) ? pollIntervalMs : false),
    refetchOnWindowFocus: false,
  })
  const ready = query.data !== undefined
  const settled = isSettled(query.data?.status)

  useEffect(() => {
    if (!ready || settled) return
    if (typeof EventSource === 'undefined') {
      setPolling(true)
      return
    }
    const source = new EventSource(checkoutEventsUrl(token))
    source.addEventListener('state', (event) => {
      const state = JSON.parse((event as MessageEvent<string>).data) as CheckoutState
      setPolling(false)
      client.setQueryData<Checkout>(checkoutKey(token), (old) => (old ? { ...old, ...state } : old))
      if (isSettled(state.status)) source.close()
      // A voided link is no longer valid: the refetch answers 404 and the page says so.
      if (state.status === 'void') void client.invalidateQueries({ queryKey: checkoutKey(token) })
    })
    // The browser retries on its own; poll meanwhile, and for good once it gives up (CLOSED).
    source.onerror = () => setPolling(true)
    return () => source.close()
  }, [client, token, ready, settled])

  return query
}
