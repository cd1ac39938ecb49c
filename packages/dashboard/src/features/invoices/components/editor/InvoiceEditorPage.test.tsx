import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { buildMe, problem, type RecordedRequest, type StubResponse, stubApi } from '../../../../test/api'
import { buildCustomer } from '../../../../test/factories'
import { meQueryKey } from '../../../auth/hooks/useMe'
import { buildInvoice } from '../invoice-fixtures'
import { InvoiceEditorPage } from './InvoiceEditorPage'

afterEach(() => vi.unstubAllGlobals())

const ada = buildCustomer({ name: 'Ada Lovelace', email: 'ada@example.com', preferredFiat: 'USD' })
const vat = {
  id: '0190e000-0000-7000-8000-000000000001',
  name: 'VAT',
  percentage: '23',
  createdAt: '2026-01-01T00:00:00.000Z',
}
const options = [
  {
    asset: 'USDT',
    assetName: 'Tether USD',
    network: 'ethereum',
    networkName: 'Ethereum',
    decimals: 6,
    contract: '0xdac1',
  },
  {
    asset: 'BTC',
    assetName: 'Bitcoin',
    network: 'bitcoin',
    networkName: 'Bitcoin',
    decimals: 8,
    contract: null,
  },
]

function InvoiceRoute() {
  const location = useLocation()
  return <p>Invoice page: {(location.state as { flash?: string } | null)?.flash}</p>
}

/** The API the editor reads, with `onWrite` answering its POSTs. */
function stub(
  onWrite: (req: RecordedRequest) => StubResponse | undefined,
  billing = { taxExempt: false, autoSend: false, credit: [] as { currency: string; amount: string }[] },
) {
  return stubApi((req) => {
    const path = req.url.pathname
    if (req.method !== 'GET') return onWrite(req)
    if (path === '/api/v1/customers') return { body: { data: [ada], nextCursor: null } }
    if (path === `/api/v1/customers/${ada.id}`) return { body: ada }
    if (path === `/api/v1/customers/${ada.id}/billing`) return { body: billing }
    if (path === '/api/v1/tax-rates') return { body: { data: [vat] } }
    if (path === '/api/v1/payment-options') return { body: { data: options } }
    return onWrite(req)
  })
}

function open(path = '/invoices/new') {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  })
  client.setQueryData(meQueryKey, buildMe())
  const router = createMemoryRouter(
    [
      { path: '/invoices/new', element: <InvoiceEditorPage /> },
      { path: '/invoices/:id', element: <InvoiceRoute /> },
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

async function pickAda() {
  const box = await screen.findByRole('combobox', { name: /Customer/ })
  fireEvent.focus(box)
  fireEvent.change(box, { target: { value: 'ada' } })
  await screen.findByRole('option', { name: /Ada Lovelace/ })
  fireEvent.keyDown(box, { key: 'ArrowDown' })
  fireEvent.keyDown(box, { key: 'Enter' })
  await screen.findByText('Ada Lovelace')
}

function fillLine(n: number, description: string, quantity: string, unit: string) {
  fireEvent.change(screen.getByLabelText(`Line ${n} description`), { target: { value: description } })
  fireEvent.change(screen.getByLabelText(`Line ${n} quantity`), { target: { value: quantity } })
  fireEvent.change(screen.getByLabelText(`Line ${n} unit price`), { target: { value: unit } })
}

// Many interactions each: a loaded CI machine needs more than the default 5 s.
describe('InvoiceEditorPage', { timeout: 20_000 }, () => {
  it('prices lines with their tax exactly as they are typed, then saves and sends the invoice', async () => {
    const sent = buildInvoice({ number: 'INV-000042', status: 'open' })
    const draft = { ...sent, status: 'draft' as const, payUrl: null }
    const requests = stub((req) => {
      if (req.url.pathname === '/api/v1/invoices') return { status: 201, body: draft }
      if (req.url.pathname === `/api/v1/invoices/${draft.id}/send`) return { body: sent }
      return undefined
    })
    const router = open()
    await pickAda()
    fillLine(1, 'Consulting', '3', '0.10')
    fireEvent.click(screen.getByRole('button', { name: 'Add line' }))
    fillLine(2, 'Hosting', '1.5', '0.333333')
    fireEvent.change(screen.getByLabelText('Line 2 tax'), { target: { value: vat.id } })
    const totals = screen.getByLabelText('Totals')
    // 0.30 + 0.50 (0.4999995 rounded half-up), VAT 23% of 0.50 = 0.115 → 0.12
    await waitFor(() => expect(totals.textContent).toContain('Subtotal$0.80'))
    expect(totals.textContent).toContain('VAT 23%$0.12')
    expect(totals.textContent).toContain('Total$0.92')

    fireEvent.change(screen.getByLabelText('Due'), { target: { value: '15' } })
    fireEvent.click(await screen.findByRole('checkbox', { name: /USDT/ }))
    fireEvent.change(screen.getByLabelText('Memo'), { target: { value: 'Thanks!' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save and send' }))

    // Two requests and a navigation: more than findBy's 1 s on a loaded machine.
    expect(await screen.findByText(/Invoice page: INV-000042 was sent/, {}, { timeout: 5000 })).toBeTruthy()
    expect(router.state.location.pathname).toBe(`/invoices/${draft.id}`)
    const post = requests.find((r) => r.method === 'POST' && r.url.pathname === '/api/v1/invoices')
    expect(post?.body).toMatchObject({
      customerId: ada.id,
      lines: [
        { description: 'Consulting', quantity: '3', unitAmount: '0.10' },
        { description: 'Hosting', quantity: '1.5', unitAmount: '0.333333', taxRateId: vat.id },
      ],
      accepts: [{ asset: 'USDT', network: 'ethereum' }],
      memo: 'Thanks!',
    })
    expect((post?.body as { dueDate?: string } | undefined)?.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(requests.some((r) => r.url.pathname === `/api/v1/invoices/${draft.id}/send`)).toBe(true)
  })

  it('puts the API’s field errors next to the line and field they concern', async () => {
    stub(() =>
      problem(400, 'validation_failed', 'The request is not valid', {
        errors: [
          { path: 'lines.0.taxRateId', message: 'is not one of your tax rates' },
          { path: 'accepts.0', message: 'is a coin you have not configured' },
        ],
      }),
    )
    open(`/invoices/new?customerId=${ada.id}`)
    await screen.findByText('Ada Lovelace')
    fillLine(1, 'Consulting', '1', '100')
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }))
    expect(await screen.findByText('is not one of your tax rates')).toBeTruthy()
    const taxCell = screen.getByLabelText('Line 1 tax')
    expect(taxCell.getAttribute('aria-invalid')).toBe('true')
    expect(document.activeElement).toBe(taxCell)
    expect(screen.getByText('Item 1: is a coin you have not configured')).toBeTruthy()
    expect(screen.getByRole('alert').textContent).toContain('The request is not valid')
  })

  it('checks the customer and the numbers before sending anything', async () => {
    const requests = stub(() => undefined)
    open()
    await screen.findByRole('combobox', { name: /Customer/ })
    fillLine(1, '', '0', '1.1234567')
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }))
    expect(await screen.findByText('Choose a customer')).toBeTruthy()
    expect(screen.getByText('must be greater than zero')).toBeTruthy()
    expect(screen.getByText(/at most 6 decimals/)).toBeTruthy()
    expect(requests.some((r) => r.method === 'POST')).toBe(false)
  })

  it('splits into installments and sends every invoice of the plan', async () => {
    const planId = '0190f000-0000-7000-8000-000000000001'
    const first = buildInvoice({ status: 'draft', installment: { planId, index: 1, count: 3, paidCount: 0 } })
    const ids = [first.id, '0190c000-0000-7000-8000-0000000000f2', '0190c000-0000-7000-8000-0000000000f3']
    const requests = stub((req) => {
      const p = req.url.pathname
      if (p === '/api/v1/invoices' && req.method === 'POST') return { status: 201, body: first }
      if (p === `/api/v1/installment-plans/${planId}`)
        return {
          body: { installments: ids.map((invoiceId, i) => ({ index: i + 1, invoiceId, status: 'draft' })) },
        }
      if (p.endsWith('/send')) return { body: { ...first, status: 'open' } }
      if (p === `/api/v1/invoices/${first.id}`) return { body: { ...first, status: 'open' } }
      return undefined
    })
    open(`/invoices/new?customerId=${ada.id}`)
    await screen.findByText('Ada Lovelace')
    fillLine(1, 'Laptop', '1', '1000.00')
    fireEvent.click(screen.getByRole('checkbox', { name: 'Split into installments' }))
    fireEvent.change(screen.getByLabelText('Installments'), { target: { value: '3' } })
    fireEvent.change(screen.getByLabelText('First due date'), { target: { value: '2026-05-01' } })
    expect(screen.getByText(/Split into 3 invoices of about \$333\.33/)).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Save and send' }))
    expect(await screen.findByText(/installment 1 of 3/)).toBeTruthy()
    const post = requests.find((r) => r.method === 'POST' && r.url.pathname === '/api/v1/invoices')
    expect(post?.body).toMatchObject({
      installments: { count: 3, interval: 'month', firstDueDate: '2026-05-01' },
    })
    expect(post?.body).not.toHaveProperty('dueDate')
    const sends = requests.filter((r) => r.url.pathname.endsWith('/send')).map((r) => r.url.pathname)
    expect(sends).toEqual(ids.map((id) => `/api/v1/invoices/${id}/send`))
  })

  it('bills a tax-exempt customer without tax and mentions their credit', async () => {
    stub(() => undefined, {
      taxExempt: true,
      autoSend: false,
      credit: [{ currency: 'USD', amount: '12.50' }],
    })
    open(`/invoices/new?customerId=${ada.id}`)
    await screen.findByText('Ada Lovelace')
    fillLine(1, 'Consulting', '1', '100')
    fireEvent.change(screen.getByLabelText('Line 1 tax'), { target: { value: vat.id } })
    expect(await screen.findByText(/tax-exempt/)).toBeTruthy()
    const totals = screen.getByLabelText('Totals')
    expect(totals.textContent).toContain('Total$100.00')
    expect(within(totals).queryByText(/VAT/)).toBeNull()
    expect(screen.getByText(/\$12\.50 of credit/)).toBeTruthy()
  })
})
