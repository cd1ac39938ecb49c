import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { buildMe, problem, stubApi } from '../../../test/api'
import { meQueryKey } from '../../auth/hooks/useMe'
import { buildSubscription } from './fixtures'
import { SubscriptionDetailPage } from './SubscriptionDetailPage'

afterEach(() => vi.unstubAllGlobals())

const sub = buildSubscription()

function open(role: 'owner' | 'viewer' = 'owner') {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  })
  client.setQueryData(meQueryKey, buildMe(role))
  const router = createMemoryRouter([{ path: '/subscriptions/:id', element: <SubscriptionDetailPage /> }], {
    initialEntries: [`/subscriptions/${sub.id}`],
  })
  render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  )
}

describe('SubscriptionDetailPage', () => {
  it('shows each period with its invoice', async () => {
    stubApi((req) => (req.url.pathname.startsWith('/api/v1/subscriptions') ? { body: sub } : undefined))
    open()
    const periods = await screen.findByRole('table', { name: 'Periods and invoices' })
    expect(periods.textContent).toContain('INV-000031')
    expect(periods.textContent).toContain('Open')
    expect(screen.getByRole('link', { name: 'INV-000031' }).getAttribute('href')).toBe(
      '/invoices/0190c000-0000-7000-8000-0000000000b1',
    )
  })

  it('cancels at period end by default, and now when asked', async () => {
    const requests = stubApi((req) =>
      req.method === 'POST'
        ? { body: { ...sub, cancelAt: '2026-04-01', nextInvoiceDate: null } }
        : { body: sub },
    )
    open()
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel subscription' }))
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel at period end' }))
    expect(await screen.findByText('Ends 2026-04-01')).toBeTruthy()
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ atPeriodEnd: true })

    fireEvent.click(screen.getByRole('button', { name: 'Cancel subscription' }))
    fireEvent.click(await screen.findByRole('radio', { name: /Now/ }))
    fireEvent.click(screen.getByRole('button', { name: 'Cancel now' }))
    await waitFor(() =>
      expect(requests.filter((r) => r.method === 'POST').at(-1)?.body).toEqual({ atPeriodEnd: false }),
    )
    expect(requests.filter((r) => r.method === 'POST').every((r) => r.url.pathname.endsWith('/cancel'))).toBe(
      true,
    )
  })

  it('pauses and resumes, and says why the API refused', async () => {
    let status = 'active'
    const requests = stubApi((req) => {
      if (req.url.pathname.endsWith('/pause')) {
        status = 'paused'
        return { body: { ...sub, status, pausedAt: '2026-03-05T10:00:00.000Z' } }
      }
      if (req.url.pathname.endsWith('/resume'))
        return problem(409, 'conflict', 'A past-due subscription cannot be resumed')
      return { body: { ...sub, status } }
    })
    open()
    fireEvent.click(await screen.findByRole('button', { name: 'Pause' }))
    fireEvent.click(await screen.findByRole('button', { name: 'Resume' }))
    expect(await screen.findByText('A past-due subscription cannot be resumed')).toBeTruthy()
    expect(requests.map((r) => r.url.pathname).filter((p) => /\/(pause|resume)$/.test(p))).toEqual([
      `/api/v1/subscriptions/${sub.id}/pause`,
      `/api/v1/subscriptions/${sub.id}/resume`,
    ])
  })

  it('offers a viewer no actions', async () => {
    stubApi(() => ({ body: sub }))
    open('viewer')
    await screen.findByRole('table', { name: 'Periods and invoices' })
    expect(screen.queryByRole('button', { name: 'Pause' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Cancel subscription' })).toBeNull()
  })
})
