import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { problem, stubApi } from '../../../test/api'
import type { Checkout, CheckoutState } from '../api'
import { CheckoutPage } from './CheckoutPage'
import { buildCheckout, buildQuote, TOKEN } from './checkout-fixtures'

/** An EventSource the test drives: it records what was opened and lets the test push events or fail. */
class FakeEventSource {
  static instances: FakeEventSource[] = []
  readonly listeners = new Map<string, ((e: MessageEvent<string>) => void)[]>()
  onerror: (() => void) | null = null
  closed = false
  constructor(readonly url: string) {
    FakeEventSource.instances.push(this)
  }
  addEventListener(type: string, fn: (e: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn])
  }
  close() {
    this.closed = true
  }
  push(state: Partial<CheckoutState>) {
    const e = new MessageEvent('state', { data: JSON.stringify(state) })
    for (const fn of this.listeners.get('state') ?? []) fn(e)
  }
  fail() {
    this.onerror?.()
  }
}

beforeEach(() => {
  FakeEventSource.instances = []
  vi.stubGlobal('EventSource', FakeEventSource)
})
afterEach(() => vi.unstubAllGlobals())

function open(pollIntervalMs?: number) {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  })
  render(
    <QueryClientProvider client={client}>
      <CheckoutPage token={TOKEN} {...(pollIntervalMs ? { pollIntervalMs } : {})} />
    </QueryClientProvider>,
  )
}

const checkoutPath = `/api/v1/public/checkout/${TOKEN}`
const stream = () => {
  const es = FakeEventSource.instances.at(-1)
  if (!es) throw new Error('no EventSource opened')
  return es
}

describe('CheckoutPage', () => {
  it('shows the merchant, the invoice and the coins, the preferred first', async () => {
    stubApi((req) => (req.url.pathname === checkoutPath ? { body: buildCheckout() } : undefined))
    open()
    expect(await screen.findByRole('heading', { name: 'Anvil Goods' })).toBeDefined()
    expect(screen.getByRole('heading', { name: 'Invoice INV-000042' })).toBeDefined()
    expect(screen.getByText('Monthly plan')).toBeDefined()
    expect(screen.getByText('Extra seats')).toBeDefined()
    expect(screen.getByTestId('amount-due').textContent).toBe('$100.00')
    expect(screen.getByTestId('checkout-status').textContent).toBe('Waiting for payment')
    const coins = within(screen.getByRole('region', { name: 'Pay with' }))
      .getAllByRole('button')
      .map((b) => b.textContent)
    expect(coins[0]).toContain('USDT on Arbitrum One')
    expect(coins[0]).toContain('Preferred')
    expect(coins[1]).toContain('ETH on Ethereum')
    expect(stream().url).toBe(`${checkoutPath}/events`)
  })

  it('says the invoice cannot be paid online yet, not "Waiting for payment", when it accepts no coin', async () => {
    stubApi((req) =>
      req.url.pathname === checkoutPath ? { body: buildCheckout({ accepts: [] }) } : undefined,
    )
    open()
    expect(await screen.findByRole('heading', { name: "Can't be paid online yet" })).toBeDefined()
    expect(screen.getByTestId('checkout-no-coins').textContent).toContain(
      "This invoice can't be paid online yet: no payment method is set up. Please contact Anvil Goods.",
    )
    expect(screen.queryByTestId('checkout-status')).toBeNull()
    expect(screen.queryByText('Waiting for payment')).toBeNull()
    expect(screen.queryByRole('region', { name: 'Pay with' })).toBeNull()
    expect(screen.getByTestId('amount-due').textContent).toBe('$100.00')
  })

  it('shows a unit price with every decimal it has', async () => {
    const checkout = buildCheckout({
      lines: [{ description: 'Metered usage', quantity: '1.005', unitAmount: '1.115', amount: '1.12' }],
      subtotal: '1.12',
      total: '1.12',
      amountDue: '1.12',
    })
    stubApi((req) => (req.url.pathname === checkoutPath ? { body: checkout } : undefined))
    open()
    const line = (await screen.findByText('Metered usage')).closest('li')
    expect(line?.textContent).toBe('Metered usage × 1.005 at $1.115$1.12')
  })

  it('picks a coin with the keyboard and shows the quote: QR, amount, address, wallet link, countdown', async () => {
    const quote = buildQuote()
    const requests = stubApi((req) => {
      if (req.url.pathname === checkoutPath) return { body: buildCheckout() }
      if (req.url.pathname === `${checkoutPath}/quote`) return { status: 201, body: quote }
      return undefined
    })
    open()
    const user = userEvent.setup()
    const usdt = await screen.findByRole('button', { name: /USDT on Arbitrum One/ })
    usdt.focus()
    await user.keyboard('{Enter}')
    expect(await screen.findByRole('heading', { name: 'Send 100\u00a0USDT' })).toBeDefined()
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ asset: 'USDT', network: 'arbitrum' })
    expect(screen.getByRole('img', { name: /QR code to pay 100.USDT on USDT on Arbitrum One/ })).toBeDefined()
    expect(screen.getByTestId('quote-address').textContent).toBe(quote.address)
    expect(screen.getByTestId('quote-amount').textContent).toBe('100')
    expect(screen.getByRole('link', { name: 'Open in wallet' }).getAttribute('href')).toBe(quote.uri)
    expect(screen.getByRole('button', { name: 'Copy address' })).toBeDefined()
    expect(screen.getByText(/Rate locked for/).textContent).toMatch(/1[45]:\d\d/)
  })

  it('offers a new quote once the rate lock has expired', async () => {
    const stale = buildQuote({ expiresAt: new Date(Date.now() - 1_000).toISOString(), expired: true })
    const fresh = buildQuote({ id: '0190e000-0000-7000-8000-000000000002', address: `0x${'3'.repeat(40)}` })
    const requests = stubApi((req) => {
      if (req.url.pathname === checkoutPath) return { body: buildCheckout({ quotes: [stale] }) }
      if (req.url.pathname === `${checkoutPath}/quote`) return { status: 201, body: fresh }
      return undefined
    })
    open()
    fireEvent.click(await screen.findByRole('button', { name: 'Get a new quote' }))
    await waitFor(() => expect(screen.getByTestId('quote-address').textContent).toBe(fresh.address))
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1)
    expect(screen.queryByRole('button', { name: 'Get a new quote' })).toBeNull()
  })

  it('follows the live state: seen with n of m confirmations, partially paid, then paid', async () => {
    stubApi((req) =>
      req.url.pathname === checkoutPath ? { body: buildCheckout({ quotes: [buildQuote()] }) } : undefined,
    )
    open()
    await screen.findByText('Waiting for payment')
    const payment = {
      asset: 'USDT' as const,
      network: 'arbitrum' as const,
      amount: '40',
      txHash: `0x${'ab'.repeat(32)}`,
      confirmations: 1,
      requiredConfirmations: 3,
    }
    act(() =>
      stream().push({ status: 'open', amountSeen: '40.00', payments: [{ ...payment, status: 'seen' }] }),
    )
    await waitFor(() =>
      expect(screen.getByTestId('checkout-status').textContent).toBe('Payment seen, confirming'),
    )
    expect(screen.getByText(/40.USDT on Arbitrum One: seen, 1 of 3 confirmations/)).toBeDefined()

    act(() =>
      stream().push({
        status: 'partially_paid',
        amountPaid: '40.00',
        amountDue: '60.00',
        payments: [{ ...payment, status: 'confirmed', confirmations: 3 }],
      }),
    )
    await waitFor(() => expect(screen.getByTestId('checkout-status').textContent).toBe('Partially paid'))
    expect(screen.getByText('$40.00 received; $60.00 remaining.')).toBeDefined()
    expect(screen.getByRole('button', { name: 'Get a new quote for the remainder' })).toBeDefined()

    act(() => stream().push({ status: 'paid', amountPaid: '100.00', amountDue: '0.00' }))
    await waitFor(() => expect(screen.getByTestId('checkout-status').textContent).toBe('Paid'))
    expect(screen.queryByRole('link', { name: 'Open in wallet' })).toBeNull()
    expect(stream().closed).toBe(true)
  })

  it('says overpaid and that the difference is kept as credit', async () => {
    stubApi((req) =>
      req.url.pathname === checkoutPath
        ? { body: buildCheckout({ status: 'overpaid', amountPaid: '130.00', amountDue: '0.00' }) }
        : undefined,
    )
    open()
    expect(await screen.findByText('Overpaid')).toBeDefined()
    expect(screen.getByText(/\$130.00 received for a total of \$100.00/)).toBeDefined()
    // Nothing left to follow.
    expect(FakeEventSource.instances).toHaveLength(0)
  })

  it('polls the checkout while the event stream is down', async () => {
    let state: Checkout = buildCheckout()
    const requests = stubApi((req) => (req.url.pathname === checkoutPath ? { body: state } : undefined))
    open(50)
    await screen.findByText('Waiting for payment')
    act(() => stream().fail())
    state = buildCheckout({ status: 'paid', amountPaid: '100.00', amountDue: '0.00' })
    expect(await screen.findByText('Paid')).toBeDefined()
    expect(requests.filter((r) => r.url.pathname === checkoutPath).length).toBeGreaterThan(1)
  })

  it('shows a plain "not valid" page for an unknown or voided link', async () => {
    stubApi((req) =>
      req.url.pathname === checkoutPath ? problem(404, 'not_found', 'Pay link not found') : undefined,
    )
    open()
    expect(await screen.findByRole('heading', { name: 'This payment link is not valid' })).toBeDefined()
    expect(screen.queryByText(/Pay link not found/)).toBeNull()
  })
})
