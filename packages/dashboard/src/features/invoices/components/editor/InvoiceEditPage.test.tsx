import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { buildMe, problem, type RecordedRequest, type StubResponse, stubApi } from '../../../../test/api'
import { meQueryKey } from '../../../auth/hooks/useMe'
import type { Invoice } from '../../api'
import { buildInvoice } from '../invoice-fixtures'
import { InvoiceEditPage } from './InvoiceEditPage'

afterEach(() => vi.unstubAllGlobals())

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
]

function InvoiceRoute() {
  const location = useLocation()
  return <p>Invoice page: {(location.state as { flash?: string } | null)?.flash}</p>
}

function stub(
  invoice: Invoice,
  onWrite: (req: RecordedRequest) => StubResponse | undefined = () => undefined,
) {
  return stubApi((req) => {
    const path = req.url.pathname
    if (req.method !== 'GET') return onWrite(req)
    if (path === `/api/v1/invoices/${invoice.id}`) return { body: invoice }
    if (path === `/api/v1/customers/${invoice.customerId}/billing`)
      return { body: { taxExempt: false, autoSend: false, credit: [] } }
    if (path === '/api/v1/tax-rates') return { body: { data: [vat] } }
    if (path === '/api/v1/payment-options') return { body: { data: options } }
    return undefined
  })
}

function open(id: string) {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  })
  client.setQueryData(meQueryKey, buildMe())
  const router = createMemoryRouter(
    [
      { path: '/invoices/:id/edit', element: <InvoiceEditPage /> },
      { path: '/invoices/:id', element: <InvoiceRoute /> },
    ],
    { initialEntries: [`/invoices/${id}/edit`] },
  )
  render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  )
  return router
}

describe('InvoiceEditPage', { timeout: 20_000 }, () => {
  it('opens a draft with its values, re-prices as it is edited and saves through PATCH', async () => {
    const draft = buildInvoice({
      status: 'draft',
      payUrl: null,
      dueDate: '2026-04-30',
      memo: 'Old memo',
      currency: 'EUR',
      lines: [
        {
          position: 0,
          description: 'Hosting',
          quantity: '2',
          unitAmount: '10.00',
          amount: '20.00',
          taxRateId: vat.id,
          taxName: 'VAT',
          taxPercentage: '23',
        },
      ],
    })
    const saved = { ...draft, total: '36.90' }
    const requests = stub(draft, (req) =>
      req.method === 'PATCH' && req.url.pathname === `/api/v1/invoices/${draft.id}`
        ? { body: saved }
        : undefined,
    )
    const router = open(draft.id)
    expect(await screen.findByRole('form', { name: `Edit ${draft.number}` })).toBeTruthy()
    expect(screen.getByText('Ada Lovelace')).toBeTruthy()
    expect(screen.queryByRole('combobox', { name: /Customer/ })).toBeNull()
    expect(screen.queryByRole('checkbox', { name: 'Split into installments' })).toBeNull()
    expect((screen.getByLabelText('Line 1 description') as HTMLInputElement).value).toBe('Hosting')
    // (The Due select and the date share the dueDate field id, so look the date up by its value.)
    expect((screen.getByDisplayValue('2026-04-30') as HTMLInputElement).type).toBe('date')
    expect((screen.getByLabelText('Memo') as HTMLTextAreaElement).value).toBe('Old memo')
    const totals = screen.getByLabelText('Totals')
    await waitFor(() => expect(totals.textContent).toContain('VAT 23%€4.60'))

    fireEvent.change(screen.getByLabelText('Line 1 quantity'), { target: { value: '3' } })
    await waitFor(() => expect(totals.textContent).toContain('Total€36.90'))
    fireEvent.change(screen.getByLabelText('Memo'), { target: { value: '' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }))

    expect(await screen.findByText(new RegExp(`Invoice page: Draft ${draft.number} saved\\.`))).toBeTruthy()
    expect(router.state.location.pathname).toBe(`/invoices/${draft.id}`)
    const patch = requests.find((r) => r.method === 'PATCH')
    expect(patch?.body).toEqual({
      currency: 'EUR',
      lines: [{ description: 'Hosting', quantity: '3', unitAmount: '10.00', taxRateId: vat.id }],
      dueDate: '2026-04-30',
      accepts: [{ asset: 'USDT', network: 'ethereum' }],
      memo: null,
    })
    expect(requests.some((r) => r.method === 'POST')).toBe(false)
  })

  it('saves and sends', async () => {
    const draft = buildInvoice({ status: 'draft', payUrl: null })
    const requests = stub(draft, (req) => {
      if (req.method === 'PATCH') return { body: draft }
      if (req.url.pathname === `/api/v1/invoices/${draft.id}/send`)
        return { body: { ...draft, status: 'open' } }
      return undefined
    })
    open(draft.id)
    fireEvent.click(await screen.findByRole('button', { name: 'Save and send' }))
    expect(await screen.findByText(new RegExp(`Invoice page: ${draft.number} was sent\\.`))).toBeTruthy()
    expect(requests.filter((r) => r.method !== 'GET').map((r) => r.method)).toEqual(['PATCH', 'POST'])
  })

  it('puts the API’s field errors beside the line they name and shows a 409’s reason', async () => {
    const draft = buildInvoice({ status: 'draft', payUrl: null })
    let answer = problem(400, 'validation_failed', 'The request body has 1 invalid field(s)', {
      errors: [{ path: 'lines.0.taxRateId', message: 'is not one of your tax rates' }],
    })
    stub(draft, () => answer)
    open(draft.id)
    fireEvent.click(await screen.findByRole('button', { name: 'Save draft' }))
    expect(await screen.findByText('is not one of your tax rates')).toBeTruthy()
    expect(screen.getByLabelText('Line 1 tax').getAttribute('aria-invalid')).toBe('true')

    answer = problem(
      409,
      'conflict',
      `Only a draft can be edited; ${draft.number} is open. Void it and create another`,
    )
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }))
    expect((await screen.findByRole('alert')).textContent).toContain('Only a draft can be edited')
  })

  it('says an open invoice cannot be edited, and offers no form', async () => {
    const sent = buildInvoice({ status: 'open' })
    stub(sent)
    open(sent.id)
    expect(await screen.findByText('This invoice cannot be edited')).toBeTruthy()
    expect(screen.getByText(/Only drafts can be edited, and .* is open/)).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Save draft' })).toBeNull()
  })
})
