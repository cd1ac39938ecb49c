import { render, screen, within } from '@testing-library/react'
import { MemoryRouter } from 'react-router'
import { describe, expect, it } from 'vitest'
import { InvoicesTable } from './InvoicesTable'
import { buildInvoice } from './invoice-fixtures'

describe('InvoicesTable', () => {
  it('shows number, customer, status with its overdue and late flags, and exact money', () => {
    const invoices = [
      buildInvoice({ number: 'INV-000042', overdue: true, amountDue: '60.00', status: 'partially_paid' }),
      buildInvoice({ status: 'paid', paidLate: true, amountDue: '0.00', total: '1234567.89' }),
      buildInvoice({ customerName: null, currency: 'JPY', total: '1500', amountDue: '1500' }),
    ]
    render(
      <MemoryRouter>
        <InvoicesTable invoices={invoices} />
      </MemoryRouter>,
    )
    const rows = within(screen.getByRole('table', { name: 'Invoices' }))
      .getAllByRole('row')
      .slice(1)
    const [first, second, third] = rows as [HTMLElement, HTMLElement, HTMLElement]
    expect(within(first).getByRole('link', { name: 'INV-000042' }).getAttribute('href')).toBe(
      `/invoices/${invoices[0]?.id}`,
    )
    expect(first.textContent).toContain('Partially paid')
    expect(first.textContent).toContain('Overdue')
    expect(first.textContent).toContain('$60.00')
    expect(second.textContent).toContain('Paid late')
    expect(second.textContent).toContain('$1,234,567.89')
    expect(third.textContent).toContain('Deleted customer')
    expect(third.textContent).toContain('¥1,500')
    expect(rows.map((r) => r.tabIndex)).toEqual([0, -1, -1])
  })
})
