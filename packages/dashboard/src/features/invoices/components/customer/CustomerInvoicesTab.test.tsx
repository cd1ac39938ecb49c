import { fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { buildMe, renderWithApp, stubApi } from '../../../../test/api'
import { buildInvoice } from '../invoice-fixtures'
import { CustomerInvoicesTab } from './CustomerInvoicesTab'

afterEach(() => vi.unstubAllGlobals())

const customer = { id: '0190a000-0000-7000-8000-00000000000a', name: 'Ada Lovelace', preferredFiat: 'USD' }

function stub(
  invoices: ReturnType<typeof buildInvoice>[],
  billing = { taxExempt: true, autoSend: false, credit: [{ currency: 'USD', amount: '12.50' }] },
) {
  return stubApi((req) => {
    if (req.url.pathname === '/api/v1/invoices') return { body: { data: invoices, nextCursor: null } }
    if (req.url.pathname === `/api/v1/customers/${customer.id}/billing`) {
      return req.method === 'PATCH' ? { body: { ...billing, ...(req.body as object) } } : { body: billing }
    }
    return undefined
  })
}

describe('CustomerInvoicesTab', () => {
  it('lists the customer’s invoices with status, overdue and amount due, and their credit', async () => {
    const late = buildInvoice({
      number: 'INV-000010',
      status: 'partially_paid',
      overdue: true,
      amountDue: '60.00',
    })
    const requests = stub([late])
    renderWithApp(<CustomerInvoicesTab customer={customer} />)
    expect(await screen.findByRole('link', { name: 'INV-000010' })).toBeTruthy()
    const row = screen.getByRole('link', { name: 'INV-000010' }).closest('tr')
    expect(row?.textContent).toContain('Partially paid')
    expect(row?.textContent).toContain('Overdue')
    expect(row?.textContent).toContain('$60.00')
    expect(screen.queryByRole('columnheader', { name: 'Customer' })).toBeNull()
    expect((await screen.findByTestId('customer-credit')).textContent).toBe('$12.50')
    expect(screen.getByText('Tax-exempt')).toBeTruthy()
    expect(
      requests.find((r) => r.url.pathname === '/api/v1/invoices')?.url.searchParams.get('customerId'),
    ).toBe(customer.id)
    expect(screen.getByRole('link', { name: /New invoice/ }).getAttribute('href')).toBe(
      `/invoices/new?customerId=${customer.id}`,
    )
  })

  it('turns auto-send on', async () => {
    const requests = stub([])
    renderWithApp(<CustomerInvoicesTab customer={customer} />)
    const toggle = await screen.findByRole('checkbox', { name: /automatically/ })
    expect((toggle as HTMLInputElement).checked).toBe(false)
    fireEvent.click(toggle)
    await waitFor(() =>
      expect((screen.getByRole('checkbox', { name: /automatically/ }) as HTMLInputElement).checked).toBe(
        true,
      ),
    )
    const patch = requests.find((r) => r.method === 'PATCH')
    expect(patch?.body).toEqual({ autoSend: true })
  })

  it('says when there is nothing yet, and a viewer can neither charge nor change settings', async () => {
    stub([], { taxExempt: false, autoSend: true, credit: [] })
    renderWithApp(<CustomerInvoicesTab customer={customer} />, { me: buildMe('viewer') })
    expect(await screen.findByText('No invoices yet')).toBeTruthy()
    expect((await screen.findByTestId('customer-credit')).textContent).toBe('None')
    expect(screen.queryByRole('button', { name: 'Charge now' })).toBeNull()
    expect((screen.getByRole('checkbox', { name: /automatically/ }) as HTMLInputElement).disabled).toBe(true)
  })

  it('opens Charge now from the profile header’s link', async () => {
    stub([])
    renderWithApp(<CustomerInvoicesTab customer={customer} />, { path: '/customers/x?tab=invoices&charge=1' })
    expect(await screen.findByRole('heading', { name: 'Charge Ada Lovelace now' })).toBeTruthy()
  })
})
