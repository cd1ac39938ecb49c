import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { ExportButton } from './ExportButton'

const filters = { q: 'ana silva', tier: 'gold', status: undefined, sort: 'name', limit: 25, cursor: 'abc' }

describe('ExportButton', () => {
  it('downloads the filtered list, every page of it, in the list’s order', () => {
    render(<ExportButton path="/customers/export" filters={filters} />)
    const link = screen.getByRole('link', { name: 'Export CSV' })
    expect(link.getAttribute('href')).toBe('/api/v1/customers/export.csv?q=ana+silva&tier=gold&sort=name')
    expect(link.hasAttribute('download')).toBe(true)
  })

  it('offers the same list as JSON Lines, next to the CSV and reached by keyboard', async () => {
    const user = userEvent.setup()
    render(<ExportButton path="/payments/export" filters={filters} />)
    const group = screen.getByRole('group', { name: 'Export' })
    const [csv, jsonl] = within(group).getAllByRole('link')
    expect(csv?.getAttribute('href')).toBe('/api/v1/payments/export.csv?q=ana+silva&tier=gold&sort=name')
    expect(jsonl).toBe(screen.getByRole('link', { name: 'Export JSON Lines' }))
    expect(jsonl?.textContent).toBe('JSON Lines')
    expect(jsonl?.getAttribute('href')).toBe('/api/v1/payments/export.jsonl?q=ana+silva&tier=gold&sort=name')
    expect(jsonl?.hasAttribute('download')).toBe(true)

    await user.tab()
    expect(document.activeElement).toBe(csv)
    await user.tab()
    expect(document.activeElement).toBe(jsonl)
  })
})
