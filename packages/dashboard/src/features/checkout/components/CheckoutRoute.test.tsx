import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen } from '@testing-library/react'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { routes } from '../../../app/routes'
import { stubApi } from '../../../test/api'
import { buildCheckout, TOKEN } from './checkout-fixtures'

afterEach(() => vi.unstubAllGlobals())

describe('/pay/:token in the dashboard’s router', () => {
  it('opens the checkout without asking who is signed in or sending anyone to /login', async () => {
    vi.stubGlobal('EventSource', undefined)
    const requests = stubApi((req) =>
      req.url.pathname === `/api/v1/public/checkout/${TOKEN}` ? { body: buildCheckout() } : undefined,
    )
    const router = createMemoryRouter(routes, { initialEntries: [`/pay/${TOKEN}`] })
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    render(
      <QueryClientProvider client={client}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    )
    expect(await screen.findByRole('heading', { name: 'Anvil Goods' })).toBeDefined()
    expect(router.state.location.pathname).toBe(`/pay/${TOKEN}`)
    expect(requests.map((r) => r.url.pathname)).not.toContain('/api/v1/auth/me')
  })
})
