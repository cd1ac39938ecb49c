import type { Me } from '@coinbook/api/contracts'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useRef } from 'react'
import { useNavigate } from 'react-router'
import { getMe, login, logout, signup } from '../api'

export const meQueryKey = ['me'] as const

/** Who is signed in: `data` is null for nobody, undefined while loading. */
export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: ({ signal }) => getMe(signal), staleTime: 5 * 60_000 })
}

/**
 * The signed-in caller; only for pages behind RequireAuth, which waits for it. While signing out, a
 * page may render once more after "me" is gone: it keeps the last caller it saw until it unmounts.
 */
export function useCurrentMe(): Me {
  const { data } = useMe()
  const last = useRef<Me | null>(null)
  if (data) last.current = data
  if (!last.current) throw new Error('useCurrentMe() used outside a signed-in page')
  return last.current
}

/** The merchant's reporting currency, for lifetime values and other totals. */
export function useReportingCurrency(): string {
  return useCurrentMe().merchant.reportingCurrency
}

function useSignedIn() {
  const client = useQueryClient()
  return (me: Me) => {
    // Another merchant's cached pages must never show: start from a clean cache.
    client.clear()
    client.setQueryData(meQueryKey, me)
  }
}

export function useLogin() {
  const signedIn = useSignedIn()
  return useMutation({ mutationFn: login, onSuccess: signedIn })
}

export function useSignup() {
  const signedIn = useSignedIn()
  return useMutation({ mutationFn: signup, onSuccess: signedIn })
}

export function useLogout() {
  const client = useQueryClient()
  const navigate = useNavigate()
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      // Nobody is signed in from here on; then drop every page's data so the next sign-in starts clean.
      client.setQueryData(meQueryKey, null)
      navigate('/login', { replace: true })
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] })
    },
  })
}
