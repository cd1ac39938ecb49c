import { fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderWithApp, stubApi } from '../../../test/api'
import { InvoicesPage } from './InvoicesPage'
import { buildInvoice } from './invoice-fixtures'

afterEach(() => vi.unstubAllGlobals())

describe('InvoicesPage', () => {
  it('asks the API for the filters picked and pages with its cursor', async () => {
    const first = buildInvoice({ number: 'INV-000002' })
    const second = buildInvoice({ number: 'INV-000001' })
    const requests = stubApi((req) => {
      if (req.url.pathname !== '/api/v1/invoices') return undefined
      return req.url.searchParams.get('cursor')
        ? { body: { data: [second], nextCursor: null } }
        : { body: { data: [first], nextCursor: first.id } }
    })
    renderWithApp(<InvoicesPage />, { path: '/invoices' })
    expect(await screen.findByRole('link', { name: 'INV-000002' })).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Next' }))
    expect(await screen.findByRole('link', { name: 'INV-000001' })).toBeTruthy()
    expect(requests.at(-1)?.url.searchParams.get('cursor')).toBe(first.id)

    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'partially_paid' } })
    fireEvent.change(screen.getByLabelText('Overdue'), { target: { value: 'true' } })
    await waitFor(() => {
      const last = requests.at(-1)?.url.searchParams
      expect(last?.get('status')).toBe('partially_paid')
      expect(last?.get('overdue')).toBe('true')
      // A new filter starts from the first page.
      expect(last?.get('cursor')).toBeNull()
    })
  })

  it('says when there is nothing yet', async () => {
    stubApi(() => ({ body: { data: [], nextCursor: null } }))
    renderWithApp(<InvoicesPage />, { path: '/invoices' })
    expect(await screen.findByText('No invoices yet')).toBeTruthy()
  })
})
