import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { useState } from 'react'
import { PayLinkPage } from './PayLinkPage'

export interface PayLinkAppProps {
  slug: string
}

/** The payment link page as its own small app, like the pay page: no router, shell or session check. */
export function PayLinkApp({ slug }: PayLinkAppProps) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 0 } } }))
  return (
    <QueryClientProvider client={client}>
      <PayLinkPage slug={slug} />
    </QueryClientProvider>
  )
}

/** The slug of a `/l/{slug}` path, or undefined for any other path. */
export function linkSlugOf(pathname: string): string | undefined {
  const m = /^\/l\/([^/]+)\/?$/.exec(pathname)
  return m?.[1] ? decodeURIComponent(m[1]) : undefined
}
