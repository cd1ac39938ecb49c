import { fireEvent, render, screen, within } from '@testing-library/react'
import { MemoryRouter } from 'react-router'
import { describe, expect, it, vi } from 'vitest'
import { buildCustomer } from '../../../../test/factories'
import { CustomerTable } from './CustomerTable'

function renderTable(overrides: Partial<Parameters<typeof CustomerTable>[0]> = {}) {
  const customers = [
    buildCustomer({ name: 'Ada Lovelace', lifetimeValue: '1234567.891', tags: ['vip', 'math', 'eu'] }),
    buildCustomer({ name: 'Grace Hopper', status: 'suspended', tier: 'gold' }),
    buildCustomer({ name: 'Alan Turing' }),
  ]
  const onOpen = vi.fn()
  const onSort = vi.fn()
  render(
    <MemoryRouter>
      <CustomerTable
        customers={customers}
        sort="-createdAt"
        onSort={onSort}
        currency="USD"
        onOpen={onOpen}
        {...overrides}
      />
    </MemoryRouter>,
  )
  const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1)
  return { customers, rows, onOpen, onSort }
}

describe('CustomerTable', () => {
  it('is one Tab stop: only the active row is in the tab order', () => {
    const { rows } = renderTable()
    expect(rows.map((r) => r.tabIndex)).toEqual([0, -1, -1])
    // The name links are reachable by mouse, not as extra Tab stops.
    for (const link of screen.getAllByRole('link')) expect(link.tabIndex).toBe(-1)
  })

  it('moves focus between rows with ArrowDown, ArrowUp, Home and End', () => {
    const { rows } = renderTable()
    const [first, second, third] = rows as [HTMLElement, HTMLElement, HTMLElement]
    first.focus()
    fireEvent.keyDown(first, { key: 'ArrowDown' })
    expect(document.activeElement).toBe(second)
    expect(second.tabIndex).toBe(0)
    expect(first.tabIndex).toBe(-1)

    fireEvent.keyDown(second, { key: 'ArrowDown' })
    fireEvent.keyDown(third, { key: 'ArrowDown' })
    expect(document.activeElement).toBe(third)

    fireEvent.keyDown(third, { key: 'Home' })
    expect(document.activeElement).toBe(first)
    fireEvent.keyDown(first, { key: 'ArrowUp' })
    expect(document.activeElement).toBe(first)
    fireEvent.keyDown(first, { key: 'End' })
    expect(document.activeElement).toBe(third)
  })

  it('opens the focused customer with Enter', () => {
    const { rows, customers, onOpen } = renderTable()
    rows[0]?.focus()
    fireEvent.keyDown(rows[0] as HTMLElement, { key: 'ArrowDown' })
    fireEvent.keyDown(rows[1] as HTMLElement, { key: 'Enter' })
    expect(onOpen).toHaveBeenCalledWith(customers[1])
  })

  it('tells the sort order with aria-sort and sorts by a column when its header is clicked', () => {
    const { onSort } = renderTable()
    const header = (name: RegExp) => screen.getByRole('columnheader', { name })
    expect(header(/Created/).getAttribute('aria-sort')).toBe('descending')
    expect(header(/Customer/).getAttribute('aria-sort')).toBe('none')

    fireEvent.click(within(header(/Created/)).getByRole('button'))
    expect(onSort).toHaveBeenLastCalledWith('createdAt')
    fireEvent.click(within(header(/Customer/)).getByRole('button'))
    expect(onSort).toHaveBeenLastCalledWith('name')
    fireEvent.click(within(header(/Lifetime value/)).getByRole('button'))
    expect(onSort).toHaveBeenLastCalledWith('-lifetimeValue')
  })

  it('shows lifetime value in the reporting currency, status and tier badges, and folds extra tags', () => {
    const { rows } = renderTable()
    expect(rows[0]?.textContent).toContain('$1,234,567.89')
    expect(rows[0]?.textContent).toContain('+1')
    expect(rows[1]?.textContent).toContain('Suspended')
    expect(rows[1]?.textContent).toContain('Gold')
  })

  it('shows what each customer owes per currency and when they were last active', () => {
    const lastActivityAt = new Date(Date.now() - 2 * 3600_000).toISOString()
    renderTable({
      customers: [
        {
          ...buildCustomer({ name: 'Ada Lovelace' }),
          outstanding: [
            { currency: 'EUR', amount: '99.99' },
            { currency: 'USD', amount: '60.00' },
          ],
          lastActivityAt,
        },
        { ...buildCustomer({ name: 'Grace Hopper' }), outstanding: [], lastActivityAt },
      ],
    })
    expect(screen.getByRole('columnheader', { name: 'Outstanding' })).toBeTruthy()
    expect(screen.getByRole('columnheader', { name: 'Last activity' })).toBeTruthy()
    const [ada, grace] = screen.getAllByTestId('outstanding')
    expect(ada?.textContent).toBe('€99.99 · $60.00')
    expect(grace?.textContent).toBe('—')
    const times = screen.getAllByText('2 hours ago')
    expect(times).toHaveLength(2)
    expect(times[0]?.getAttribute('datetime')).toBe(lastActivityAt)
  })
})
