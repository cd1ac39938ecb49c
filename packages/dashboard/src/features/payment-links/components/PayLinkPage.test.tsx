import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { problem, stubApi } from '../../../test/api'
import { buildQuote } from '../../checkout/components/checkout-fixtures'
import type { PaymentLinkSession, PublicPaymentLink } from '../api'
import { PayLinkPage } from './PayLinkPage'

const SLUG = 'AbCdEfGhIjKl'
const TOKEN = 'T'.repeat(43)
const linkPath = `/api/v1/public/payment-links/${SLUG}`
const sessionPath = `/api/v1/public/payment-link-sessions/${TOKEN}`

const link: PublicPaymentLink = {
  merchantName: 'Link Shop',
  title: 'Workshop ticket',
  description: 'One seat',
  amount: '20.00',
  customAmount: false,
  currency: 'USD',
  accepts: [{ asset: 'ETH', network: 'ethereum' }],
  collect: ['name', 'email'],
}

function session(overrides: Partial<PaymentLinkSession> = {}): PaymentLinkSession {
  return {
    token: TOKEN,
    merchantName: 'Link Shop',
    title: 'Workshop ticket',
    amount: '20.00',
    currency: 'USD',
    accepts: link.accepts,
    status: 'awaiting_payment',
    quote: null,
    payments: [],
    ...overrides,
  }
}

function open() {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  })
  render(
    <QueryClientProvider client={client}>
      <PayLinkPage slug={SLUG} pollIntervalMs={60_000} />
    </QueryClientProvider>,
  )
}

beforeEach(() => sessionStorage.clear())
afterEach(() => vi.unstubAllGlobals())

describe('PayLinkPage', () => {
  it('says a disabled, expired or used-up link is closed, and an unknown one is not valid', async () => {
    for (const [reason, heading] of [
      ['disabled', 'This payment link is disabled'],
      ['expired', 'This payment link has expired'],
      ['used_up', 'This payment link is no longer available'],
    ] as const) {
      stubApi((req) =>
        req.url.pathname === linkPath ? problem(410, 'gone', 'Closed', { reason }) : undefined,
      )
      open()
      await screen.findByRole('heading', { name: heading })
      document.body.innerHTML = ''
    }
    stubApi(() => problem(404, 'not_found', 'Payment link was not found'))
    open()
    await screen.findByRole('heading', { name: 'This payment link is not valid' })
  })

  it('asks for the link’s fields, shows the API’s field errors, then the coins and the quote', async () => {
    const user = userEvent.setup()
    let hasQuote = false
    const requests = stubApi((req) => {
      if (req.url.pathname === linkPath) return { body: link }
      if (req.url.pathname === `${linkPath}/sessions`) {
        const body = req.body as { email?: string }
        if (!body.email)
          return problem(400, 'validation_failed', 'Some answers are missing', {
            errors: [{ path: 'email', message: 'is required: this link asks for your email' }],
          })
        return { status: 201, body: session() }
      }
      if (req.url.pathname === sessionPath)
        return { body: session(hasQuote ? { quote: buildQuote({ asset: 'ETH', network: 'ethereum' }) } : {}) }
      if (req.url.pathname === `${sessionPath}/quote`) {
        hasQuote = true
        return { status: 201, body: buildQuote({ asset: 'ETH', network: 'ethereum', amount: '0.005' }) }
      }
      return undefined
    })
    open()
    await screen.findByRole('heading', { level: 1, name: 'Workshop ticket' })
    expect(screen.queryByLabelText(/Phone/)).toBeNull()
    await user.type(screen.getByLabelText(/Name/), 'Grace Hopper')
    await user.click(screen.getByRole('button', { name: /Continue to pay/ }))
    await screen.findByText('is required: this link asks for your email')

    await user.type(screen.getByLabelText(/Email/), 'grace@navy.test')
    await user.click(screen.getByRole('button', { name: /Continue to pay/ }))
    await user.click(await screen.findByRole('button', { name: /ETH on Ethereum/ }))
    expect((await screen.findByTestId('quote-amount')).textContent).toBe('0.005')
    const start = requests.filter((r) => r.url.pathname === `${linkPath}/sessions`).at(-1)
    expect(start?.body).toEqual({ name: 'Grace Hopper', email: 'grace@navy.test' })
    const quoted = requests.filter((r) => r.url.pathname === `${sessionPath}/quote`).at(-1)
    expect(quoted?.body).toEqual({ asset: 'ETH', network: 'ethereum' })
    expect(sessionStorage.getItem(`coinbook:pay-link:${SLUG}`)).toBe(TOKEN)
  })

  it('shows a paid session as paid, with no address to pay', async () => {
    sessionStorage.setItem(`coinbook:pay-link:${SLUG}`, TOKEN)
    stubApi((req) =>
      req.url.pathname === sessionPath
        ? { body: session({ status: 'paid', quote: buildQuote({ asset: 'ETH', network: 'ethereum' }) }) }
        : undefined,
    )
    open()
    await screen.findByRole('heading', { name: 'Paid — thank you' })
    await waitFor(() => expect(screen.queryByTestId('quote-address')).toBeNull())
  })
})
