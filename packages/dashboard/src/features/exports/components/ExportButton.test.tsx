import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ExportButton } from './ExportButton'

describe('ExportButton', () => {
  it('downloads the filtered list, every page of it, whatever the sort', () => {
    render(
      <ExportButton
        path="/customers/export.csv"
        filters={{ q: 'ana silva', tier: 'gold', status: undefined, sort: 'name', limit: 25, cursor: 'abc' }}
      />,
    )
    const link = screen.getByRole('link', { name: 'Export CSV' })
    expect(link.getAttribute('href')).toBe('/api/v1/customers/export.csv?q=ana+silva&tier=gold')
    expect(link.hasAttribute('download')).toBe(true)
  })
})
