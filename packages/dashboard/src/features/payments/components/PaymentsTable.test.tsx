import { fireEvent, render, screen, within } from '@testing-library/react'
import { MemoryRouter } from 'react-router'
import { describe, expect, it } from 'vitest'
import { buildPayment } from '../../../test/api'
import { PaymentsTable } from './PaymentsTable'

const ADA = '0190a000-0000-7000-8000-00000000000a'
const GONE = '0190a000-0000-7000-8000-00000000000b'

function renderTable(withCustomers: boolean) {
  const payments = [
    buildPayment({
      customerId: ADA,
      customerName: 'Ada Lovelace',
      amount: '0.00150000',
      asset: 'BTC',
      network: 'bitcoin',
      fiatValue: '97.35',
    }),
    buildPayment({
      customerId: GONE,
      customerName: null,
      fiatValue: null,
      explorerUrl: null,
      status: 'reorged',
    }),
    buildPayment({ customerId: null, status: 'pending', confirmations: 2, requiredConfirmations: 3 }),
  ]
  render(
    <MemoryRouter>
      <PaymentsTable payments={payments} showCustomer={withCustomers} />
    </MemoryRouter>,
  )
  const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1)
  return { payments, rows }
}

describe('PaymentsTable', () => {
  it('shows the amount in coin exactly, the fiat value, the status and a shortened, linked hash', () => {
    const { rows, payments } = renderTable(false)
    const first = rows[0] as HTMLElement
    expect(first.textContent).toContain('0.0015\u00a0BTC')
    expect(first.textContent).toContain('$97.35')
    expect(first.textContent).toContain('Bitcoin')
    const tx = within(first).getByRole('link')
    expect(tx.getAttribute('href')).toBe(payments[0]?.explorerUrl)
    expect(tx.getAttribute('target')).toBe('_blank')
    expect(tx.getAttribute('rel')).toBe('noopener noreferrer')
    expect(tx.textContent).toContain('…')
    // No explorer for this one: the hash is shown, not linked; no rate known: a dash.
    expect(within(rows[1] as HTMLElement).queryByRole('link')).toBeNull()
    expect(within(rows[1] as HTMLElement).getByText('—')).toBeTruthy()
    expect(rows[2]?.textContent).toContain('2/3')
    expect(screen.queryByRole('columnheader', { name: 'Customer' })).toBeNull()
  })

  it('names customers with a link to their payments, and says when one is gone or unmatched', () => {
    const { rows } = renderTable(true)
    expect(
      within(rows[0] as HTMLElement)
        .getByRole('link', { name: 'Ada Lovelace' })
        .getAttribute('href'),
    ).toBe(`/customers/${ADA}?tab=payments`)
    expect(rows[1]?.textContent).toContain('Deleted customer')
    expect(rows[2]?.textContent).toContain('Not matched')
  })

  it('is one Tab stop: arrows move between rows, and only the active row’s links are tabbable', () => {
    const { rows } = renderTable(true)
    const [first, second] = rows as [HTMLElement, HTMLElement]
    expect(rows.map((r) => r.tabIndex)).toEqual([0, -1, -1])
    expect(
      within(first)
        .getAllByRole('link')
        .map((l) => l.tabIndex),
    ).toEqual([0, 0])
    expect(
      within(second)
        .queryAllByRole('link')
        .map((l) => l.tabIndex),
    ).toEqual([])
    first.focus()
    fireEvent.keyDown(first, { key: 'ArrowDown' })
    expect(document.activeElement).toBe(second)
    expect(first.tabIndex).toBe(-1)
    expect(
      within(first)
        .getAllByRole('link')
        .map((l) => l.tabIndex),
    ).toEqual([-1, -1])
    fireEvent.keyDown(second, { key: 'End' })
    expect(document.activeElement).toBe(rows[2])
    fireEvent.keyDown(rows[2] as HTMLElement, { key: 'Home' })
    expect(document.activeElement).toBe(first)
  })

  it('follows the row’s first link with Enter', () => {
    const { rows } = renderTable(true)
    const link = within(rows[0] as HTMLElement).getByRole('link', { name: 'Ada Lovelace' })
    let clicked = false
    link.addEventListener('click', (e) => {
      e.preventDefault()
      clicked = true
    })
    ;(rows[0] as HTMLElement).focus()
    fireEvent.keyDown(rows[0] as HTMLElement, { key: 'Enter' })
    expect(clicked).toBe(true)
  })

  it('shows the network fee the sender paid, and a payment recognised by its sending wallet', () => {
    render(
      <MemoryRouter>
        <PaymentsTable
          payments={[
            buildPayment({
              customerId: ADA,
              customerName: 'Ada Lovelace',
              networkFee: '0.000021',
              networkFeeAsset: 'ETH',
              matchedBy: 'sender',
            }),
            buildPayment({ networkFee: null }),
          ]}
          showCustomer
        />
      </MemoryRouter>,
    )
    const [paid, unknown] = within(screen.getByRole('table')).getAllByRole('row').slice(1)
    expect(within(paid!).getByText(/Fee 0\.000021 ETH/)).toBeTruthy()
    expect(within(paid!).getByText('by sending wallet')).toBeTruthy()
    expect(within(unknown!).queryByText(/Fee/)).toBeNull()
  })
})
