import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { buildMe, buildPayment, problem, stubApi } from '../../../test/api'
import { meQueryKey } from '../../auth/hooks/useMe'
import type { Invoice } from '../api'
import { InvoiceDetailPage } from './InvoiceDetailPage'
import { buildInvoice } from './invoice-fixtures'

afterEach(() => vi.unstubAllGlobals())

const partiallyPaid = buildInvoice({
  status: 'partially_paid',
  amountPaid: '40.00',
  amountDue: '60.00',
  amountSeen: '10.00',
  paidLate: true,
  payments: [
    {
      id: '0190d000-0000-7000-8000-000000000001',
      method: 'onchain',
      status: 'confirmed',
      counts: true,
      amount: '40',
      rate: '1',
      late: true,
      note: null,
      payment: {
        id: '0190d000-0000-7000-8000-000000000002',
        network: 'ethereum',
        asset: 'USDT',
        amount: '40',
        txHash: `0x${'ab'.repeat(32)}`,
        confirmations: 14,
        requiredConfirmations: 12,
        explorerUrl: `https://etherscan.io/tx/0x${'ab'.repeat(32)}`,
      },
      refunds: [],
      createdAt: '2026-03-02T10:00:00.000Z',
    },
  ],
})

/** The page at /invoices/:id, as the app routes it, with `role` signed in. */
function open(role: 'owner' | 'viewer' = 'owner') {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  })
  client.setQueryData(meQueryKey, buildMe(role))
  const router = createMemoryRouter([{ path: '/invoices/:id', element: <InvoiceDetailPage /> }], {
    initialEntries: [`/invoices/${partiallyPaid.id}`],
  })
  render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  )
}

/** The page at /invoices/:id for `invoice`, arriving with `state` (e.g. the editor's flash), beside the wallets page. */
function openInvoice(invoice: Invoice, state?: unknown) {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  })
  client.setQueryData(meQueryKey, buildMe())
  const router = createMemoryRouter(
    [
      { path: '/invoices/:id', element: <InvoiceDetailPage /> },
      { path: '/settings/wallets', element: <h1>Wallets page</h1> },
    ],
    { initialEntries: [{ pathname: `/invoices/${invoice.id}`, state }] },
  )
  render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  )
  return router
}

describe('InvoiceDetailPage', () => {
  it('shows totals, what is on its way, payments applied with their coin amount and the history', async () => {
    const requests = stubApi(() => ({ body: partiallyPaid }))
    open()
    const totals = await screen.findByLabelText('Totals')
    expect(requests[0]?.url.pathname).toBe(`/api/v1/invoices/${partiallyPaid.id}`)
    expect(totals.textContent).toContain('Total$100.00')
    expect(totals.textContent).toContain('Paid$40.00')
    expect(totals.textContent).toContain('Seen, confirming$10.00')
    expect(totals.textContent).toContain('Due$60.00')
    const applied = screen.getByRole('table', { name: 'Payments applied' })
    expect(applied.textContent).toContain('40\u00a0USDT')
    expect(applied.textContent).toContain('Late')
    expect(within(applied).getByRole('link').getAttribute('href')).toContain('etherscan.io/tx/')
    expect(screen.getByText('Paid late')).toBeTruthy()
    expect(screen.getByText(/Copy pay link/)).toBeTruthy()
  })

  it('records an off-chain payment and shows the invoice the API answers with', async () => {
    const paid = { ...partiallyPaid, status: 'paid' as const, amountPaid: '100.00', amountDue: '0.00' }
    const requests = stubApi((req) => (req.method === 'POST' ? { body: paid } : { body: partiallyPaid }))
    open()
    fireEvent.change(await screen.findByLabelText(/Amount \(USD\)/), { target: { value: '60.00' } })
    fireEvent.change(screen.getByLabelText('Note'), { target: { value: 'wire' } })
    fireEvent.click(screen.getByRole('button', { name: 'Record payment' }))
    await waitFor(() => expect(screen.getByLabelText('Totals').textContent).toContain('Due$0.00'))
    const post = requests.find((r) => r.method === 'POST')
    expect(post?.url.pathname).toBe(`/api/v1/invoices/${partiallyPaid.id}/payments`)
    expect(post?.body).toEqual({ amount: '60.00', method: 'offchain', note: 'wire' })
  })

  it('says why the API refused a void', async () => {
    stubApi((req) =>
      req.method === 'POST'
        ? problem(409, 'conflict', 'A paid invoice cannot be voided; refund the payment instead')
        : { body: partiallyPaid },
    )
    open()
    fireEvent.click(await screen.findByRole('button', { name: 'Void' }))
    fireEvent.click(await screen.findByRole('button', { name: 'Void invoice' }))
    expect(await screen.findByText(/cannot be voided/)).toBeTruthy()
  })

  it('shows a payment’s refunds under it, leaves the invoice as it was, and refunds from the row', async () => {
    const applied = partiallyPaid.payments[0]
    if (!applied?.payment) throw new Error('the fixture has an on-chain payment')
    const onChain = applied.payment
    const refund = {
      id: '0190e000-0000-7000-8000-000000000009',
      paymentId: onChain.id,
      network: onChain.network,
      asset: onChain.asset,
      amount: '15',
      amountBaseUnits: '15000000',
      fiatCurrency: 'USD',
      fiatValue: '15',
      address: '0x52908400098527886E0F7030069857D2E4169EE7',
      memo: null,
      txHash: null,
      explorerUrl: null,
      note: 'Partial refund',
      actor: { type: 'user' as const, id: null },
      createdAt: '2026-03-06T10:00:00.000Z',
    }
    const withRefund = { ...partiallyPaid, payments: [{ ...applied, refunds: [refund] }] }
    const payment = buildPayment({
      id: onChain.id,
      customerId: partiallyPaid.customerId,
      asset: 'USDT',
      amount: '40',
      refundedAmount: '15',
      refundStatus: 'partial',
    })
    stubApi(({ url }) =>
      url.pathname === `/api/v1/payments/${onChain.id}`
        ? { body: { ...payment, refunds: [refund] } }
        : url.pathname.startsWith('/api/v1/invoices/')
          ? { body: withRefund }
          : undefined,
    )
    open()
    const table = await screen.findByRole('table', { name: 'Payments applied' })
    const refunds = within(table).getByRole('list', { name: 'Refunds of this payment' })
    expect(refunds.textContent).toContain('Refunded 15\u00a0USDT ($15.00)')
    expect(refunds.textContent).toContain('Partial refund')
    expect(within(table).getByText('Refunded').getAttribute('title')).toBe(
      'Refunds do not reopen the invoice',
    )
    expect(screen.getByLabelText('Totals').textContent).toContain('Paid$40.00')

    fireEvent.click(within(table).getByRole('button', { name: 'Refund…' }))
    const dialog = await screen.findByRole('dialog')
    expect(await within(dialog).findByLabelText(/Amount \(USDT\)/)).toBeTruthy()
    expect(dialog.textContent).toContain('Refunded 15\u00a0USDT; 25\u00a0USDT left.')
  })

  it('offers no actions to a viewer', async () => {
    stubApi(() => ({ body: partiallyPaid }))
    open('viewer')
    await screen.findByLabelText('Totals')
    expect(screen.queryByRole('button', { name: 'Void' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Record payment' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Refund…' })).toBeNull()
  })
  it('warns that an invoice accepting no coin cannot be paid, and links to where wallets are connected', async () => {
    const unpayable = buildInvoice({ accepts: [] })
    stubApi(() => ({ body: unpayable }))
    const router = openInvoice(unpayable)
    const warning = await screen.findByText("This invoice can't be paid yet")
    const alert = warning.closest('.alert')
    if (!(alert instanceof HTMLElement)) throw new Error('the warning is an alert')
    expect(alert.className).toContain('alert--warning')
    expect(alert.textContent).toContain('the customer will not be able to pay it until you')
    fireEvent.click(within(alert).getByRole('link', { name: 'connect a wallet or payment method' }))
    expect(await screen.findByRole('heading', { name: 'Wallets page' })).toBeTruthy()
    expect(router.state.location.pathname).toBe('/settings/wallets')
  })

  it('does not warn once the invoice is paid', async () => {
    const paid = buildInvoice({ status: 'paid', accepts: [], amountPaid: '100.00', amountDue: '0.00' })
    stubApi(() => ({ body: paid }))
    openInvoice(paid)
    await screen.findByLabelText('Totals')
    expect(screen.queryByText("This invoice can't be paid yet")).toBeNull()
  })

  it('does not warn about an invoice that accepts a coin', async () => {
    const payable = buildInvoice()
    stubApi(() => ({ body: payable }))
    openInvoice(payable)
    await screen.findByLabelText('Totals')
    expect(screen.queryByText("This invoice can't be paid yet")).toBeNull()
  })

  it('shows a unit price with every decimal it has', async () => {
    const invoice = buildInvoice({
      subtotal: '1.12',
      total: '1.12',
      amountDue: '1.12',
      lines: [
        {
          position: 0,
          description: 'Metered usage',
          quantity: '1.005',
          unitAmount: '1.115',
          amount: '1.12',
          taxRateId: null,
          taxName: null,
          taxPercentage: null,
        },
      ],
    })
    stubApi(() => ({ body: invoice }))
    openInvoice(invoice)
    const row = (await screen.findByText('Metered usage')).closest('tr')
    if (!row) throw new Error('the line is a row')
    const cells = within(row)
      .getAllByRole('cell')
      .map((c) => c.textContent)
    expect(cells).toEqual(['Metered usage', '1.005', '$1.115', '—', '$1.12'])
  })

  it('replaces the "Draft … saved." banner once the draft is sent', async () => {
    const draft = buildInvoice({ status: 'draft', sentAt: null, payUrl: null })
    const sent = { ...draft, status: 'open' as const, sentAt: '2026-03-02T10:00:00.000Z' }
    const requests = stubApi((req) => (req.method === 'POST' ? { body: sent } : { body: draft }))
    openInvoice(draft, { flash: `Draft ${draft.number} saved.` })
    expect(await screen.findByText(`Draft ${draft.number} saved.`)).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Send' }))
    expect(await screen.findByText(`${draft.number} was sent.`)).toBeTruthy()
    expect(screen.queryByText(`Draft ${draft.number} saved.`)).toBeNull()
    expect(requests.find((r) => r.method === 'POST')?.url.pathname).toBe(`/api/v1/invoices/${draft.id}/send`)
    expect(screen.queryByRole('button', { name: 'Send' })).toBeNull()
  })
})
