import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { useState } from 'react'
import { CheckoutPage } from './CheckoutPage'

export interface CheckoutAppProps {
  token: string
}

/**
 * The pay page as its own small app: loaded without the dashboard's router, shell or session check, so a
 * payer's phone downloads only what this page needs.
 */
export function CheckoutApp({ token }: CheckoutAppProps) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 0 } } }))
  return (
    <QueryClientProvider client={client}>
      <CheckoutPage token={token} />
    </QueryClientProvider>
  )
}

/** The token of a `/pay/{token}` path, or undefined for any other path. */
export function payTokenOf(pathname: string): string | undefined {
  const m = /^\/pay\/([^/]+)\/?$/.exec(pathname)
  return m?.[1] ? decodeURIComponent(m[1]) : undefined
}
