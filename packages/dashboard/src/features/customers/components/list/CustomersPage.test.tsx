import type { Me } from '@coinbook/api/contracts'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { fireEvent, render, screen } from '@testing-library/react'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { buildCustomer } from '../../../../test/factories'
import { meQueryKey } from '../../../auth/hooks/useMe'
import { CustomersPage } from './CustomersPage'

const me: Me = {
  user: {
    id: '0190a000-0000-7000-8000-000000000001',
    email: 'owner@example.com',
    name: 'Olive',
    role: 'owner',
  },
  merchant: { id: '0190a000-0000-7000-8000-000000000002', name: 'Acme', reportingCurrency: 'EUR' },
  role: 'owner',
  via: 'session',
}

let requests: URL[] = []
let respond: (url: URL) => unknown

beforeEach(() => {
  requests = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => {
      const url = new URL(input, 'http://coinbook.test')
      // The segment chips' lists: none here.
      if (url.pathname.startsWith('/api/v1/segments'))
        return new Response(JSON.stringify({ data: [] }), { headers: { 'Content-Type': 'application/json' } })
      requests.push(url)
      return new Response(JSON.stringify(respond(url)), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      })
    }),
  )
})

afterEach(() => vi.unstubAllGlobals())

function renderAt(path: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  client.setQueryData(meQueryKey, me)
  const router = createMemoryRouter(
    [
      { path: '/customers', element: <CustomersPage /> },
      { path: '/customers/new', element: <h1>New customer form</h1> },
    ],
    { initialEntries: [path] },
  )
  render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  )
  return router
}

describe('CustomersPage', () => {
  it('sends the URL’s search and filters to the API, and offers to clear them when nothing matches', async () => {
    respond = (url) => ({
      data: url.searchParams.has('q')
        ? []
        : [buildCustomer({ name: 'Ada Lovelace', lifetimeValue: '1500.5' })],
      nextCursor: null,
    })
    const router = renderAt('/customers?q=zzz&tier=gold&sort=name')
    await screen.findByText('No customers match')
    const first = requests[0]
    expect(first?.pathname).toBe('/api/v1/customers')
    expect(Object.fromEntries(first?.searchParams ?? [])).toEqual({
      q: 'zzz',
      tier: 'gold',
      sort: 'name',
      limit: '25',
    })

    // One in the filter row, one in the empty state.
    expect(screen.getAllByRole('button', { name: 'Clear filters' })).toHaveLength(2)
    fireEvent.click(screen.getAllByRole('button', { name: 'Clear filters' })[1] as HTMLElement)
    await screen.findByText('Ada Lovelace')
    expect(router.state.location.search).toBe('?sort=name')
    // Lifetime value in the merchant's reporting currency.
    expect(screen.getByText('€1,500.50')).toBeTruthy()
  })

  it('shows “No customers yet” to a merchant without customers, and “n” opens the new-customer form', async () => {
    respond = () => ({ data: [], nextCursor: null })
    const router = renderAt('/customers')
    await screen.findByText('No customers yet')
    fireEvent.keyDown(document.body, { key: 'n' })
    expect(router.state.location.pathname).toBe('/customers/new')
  })

  it('pages forward with the next cursor and back with the stack of previous ones', async () => {
    respond = (url) => {
      const cursor = url.searchParams.get('cursor')
      if (!cursor) return { data: [buildCustomer({ name: 'Page one' })], nextCursor: 'c2' }
      if (cursor === 'c2') return { data: [buildCustomer({ name: 'Page two' })], nextCursor: 'c3' }
      return { data: [buildCustomer({ name: 'Page three' })], nextCursor: null }
    }
    const router = renderAt('/customers?limit=10')
    await screen.findByText('Page one')
    fireEvent.click(screen.getByRole('button', { name: 'Next' }))
    await screen.findByText('Page two')
    expect(screen.getByText('11–11')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Next' }))
    await screen.findByText('Page three')
    expect((screen.getByRole('button', { name: 'Next' }) as HTMLButtonElement).disabled).toBe(true)
    fireEvent.click(screen.getByRole('button', { name: 'Previous' }))
    await screen.findByText('Page two')
    fireEvent.click(screen.getByRole('button', { name: 'Previous' }))
    await screen.findByText('Page one')
    expect(router.state.location.search).toBe('?limit=10')
    expect((screen.getByRole('button', { name: 'Previous' }) as HTMLButtonElement).disabled).toBe(true)
  })

  it('moves from the search box to the results with ArrowDown', async () => {
    respond = () => ({
      data: [buildCustomer({ name: 'Ada' }), buildCustomer({ name: 'Bob' })],
      nextCursor: null,
    })
    renderAt('/customers')
    await screen.findByText('Bob')
    const search = screen.getByRole('searchbox', { name: 'Search customers' })
    fireEvent.keyDown(document.body, { key: '/' })
    expect(document.activeElement).toBe(search)
    fireEvent.keyDown(search, { key: 'ArrowDown' })
    expect(document.activeElement?.textContent).toContain('Ada')
  })
})
