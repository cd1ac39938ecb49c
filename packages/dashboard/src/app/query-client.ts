import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { isProblem } from '../api/problem'
import { meQueryKey } from '../features/auth/hooks/useMe'

/**
 * One cache for the app. A 401 from any request means the session ended (expired, signed out elsewhere):
 * forgetting "me" sends the user to /login through RequireAuth.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => onUnauthorized(error) }),
    mutationCache: new MutationCache({ onError: (error) => onUnauthorized(error) }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: false,
        // Client errors will not improve by asking again; network trouble might.
        retry: (count, error) =>
          count < 2 && !(isProblem(error) && error.status >= 400 && error.status < 500),
      },
    },
  })
  function onUnauthorized(error: unknown) {
    if (isProblem(error, 'unauthorized') && client.getQueryData(meQueryKey)) {
      client.setQueryData(meQueryKey, null)
    }
  }
  return client
}
