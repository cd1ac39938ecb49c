import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { fireEvent, render, screen } from '@testing-library/react'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { routes } from '../../../app/routes'
import { problem, stubApi } from '../../../test/api'
import type { PortalMe } from '../api'

const MERCHANT = '0190a000-0000-7000-8000-000000000002'

function me(overrides: Partial<PortalMe['settings']['editable']> = {}): PortalMe {
  return {
    merchant: { id: MERCHANT, name: 'Acme' },
    customer: {
      id: '0190a000-0000-7000-8000-0000000000c1',
      name: 'Nora',
      email: 'nora@example.com',
      phone: null,
      company: null,
      billingAddress: null,
      preferredCoins: [],
    },
    settings: {
      editable: {
        contact: true,
        billingAddress: true,
        preferredCoins: true,
        refundAddresses: true,
        messagePreferences: true,
        ...overrides,
      },
      allowSubscriptionCancel: false,
    },
    paymentDetailsRequest: null,
  }
}

function open(path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] })
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  )
  return router
}

const empty = { body: { data: [] } }

afterEach(() => vi.unstubAllGlobals())

describe('the customer portal pages', () => {
  it('without a portal session, asks for the email and says a link is on its way (never the merchant login)', async () => {
    const requests = stubApi((req) => {
      if (req.url.pathname === '/api/v1/portal/me') return problem(401, 'unauthorized', 'Sign in')
      if (req.url.pathname === '/api/v1/portal/login') return { status: 202 }
      return undefined
    })
    const router = open(`/portal/${MERCHANT}`)
    fireEvent.change(await screen.findByLabelText('Your email'), { target: { value: 'nora@example.com' } })
    fireEvent.click(screen.getByRole('button', { name: 'Email me a sign-in link' }))
    expect(await screen.findByText('Check your email')).toBeDefined()
    expect(requests.find((r) => r.url.pathname === '/api/v1/portal/login')?.body).toEqual({
      merchant: MERCHANT,
      email: 'nora@example.com',
    })
    expect(router.state.location.pathname).toBe(`/portal/${MERCHANT}`)
    expect(requests.map((r) => r.url.pathname)).not.toContain('/api/v1/auth/me')
  })

  it('signed in, shows the details and disables the fields the merchant locked', async () => {
    stubApi((req) => {
      if (req.url.pathname === '/api/v1/portal/me') return { body: me({ billingAddress: false }) }
      if (req.url.pathname.startsWith('/api/v1/portal/')) return empty
      return undefined
    })
    open(`/portal/${MERCHANT}`)
    expect(await screen.findByRole('heading', { name: 'Hello, Nora' })).toBeDefined()
    expect((screen.getByLabelText('City') as HTMLInputElement).disabled).toBe(true)
    expect((screen.getByLabelText('Phone') as HTMLInputElement).disabled).toBe(false)
    expect(screen.queryByRole('heading', { name: 'How would you like to pay?' })).toBeNull()
  })

  it('a spent link says why, beside the sign-in form', async () => {
    window.location.hash = '#token=abc.def'
    stubApi((req) =>
      req.url.pathname === '/api/v1/portal/session'
        ? problem(401, 'unauthorized', 'This sign-in link has expired or was already used; ask for a new one')
        : undefined,
    )
    open(`/portal/${MERCHANT}/enter`)
    expect(await screen.findByText(/expired or was already used/)).toBeDefined()
    expect(screen.getByRole('button', { name: 'Email me a sign-in link' })).toBeDefined()
  })
})
