import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { buildMe, problem, renderWithApp, stubApi } from '../../../test/api'
import type { PaymentLink, PaymentLinkUse } from '../api'
import { PaymentLinksPage } from './PaymentLinksPage'

afterEach(() => vi.unstubAllGlobals())

const CUSTOMER = '0190c000-0000-7000-8000-000000000001'

function buildLink(id: string, title: string, uses: number): PaymentLink {
  return {
    id,
    slug: `slug${id.slice(-4)}`,
    url: `/l/slug${id.slice(-4)}`,
    title,
    description: null,
    amount: '20.00',
    customAmount: false,
    currency: 'USD',
    accepts: [{ asset: 'ETH', network: 'ethereum' }],
    collect: ['name', 'email'],
    maxUses: null,
    uses,
    expiresAt: null,
    disabledAt: null,
    status: 'active',
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-01T10:00:00.000Z',
  }
}

const paid = buildLink('0190d000-0000-7000-8000-000000000001', 'Conference pass', 1)
const unpaid = buildLink('0190d000-0000-7000-8000-000000000002', 'Tip jar', 0)

const use: PaymentLinkUse = {
  sessionId: '0190e000-0000-7000-8000-000000000001',
  customerId: CUSTOMER,
  customerName: 'Grace Hopper',
  customerMatched: true,
  name: 'G. Hopper',
  email: 'grace@navy.test',
  amount: '20.00',
  currency: 'USD',
  paidAt: '2026-03-02T09:30:00.000Z',
  payments: [
    {
      id: '0190f000-0000-7000-8000-000000000001',
      asset: 'ETH',
      network: 'ethereum',
      amount: '0.005',
      txHash: `0x${'ab'.repeat(32)}`,
      status: 'confirmed',
      fiatValue: '20.00',
    },
  ],
}

describe('PaymentLinksPage payers', () => {
  it('lists a link’s payers with their profile, amount, coin and time; a link nobody paid says so', async () => {
    const requests = stubApi((req) => {
      if (req.url.pathname === '/api/v1/payment-links') return { body: { data: [paid, unpaid] } }
      if (req.url.pathname === `/api/v1/payment-links/${paid.id}/uses`) return { body: { data: [use] } }
      if (req.url.pathname === `/api/v1/payment-links/${unpaid.id}/uses`) return { body: { data: [] } }
      return undefined
    })
    // Viewers can look at the payers too.
    renderWithApp(<PaymentLinksPage />, { path: '/payment-links', me: buildMe('viewer') })
    await screen.findByRole('table', { name: 'Payment links' })
    expect(requests.some((r) => r.url.pathname.endsWith('/uses'))).toBe(false)

    fireEvent.click(screen.getByRole('button', { name: 'Payers of Conference pass' }))
    const dialog = await screen.findByRole('dialog', { name: 'Payers of “Conference pass”' })
    const table = await within(dialog).findByRole('table', { name: 'Payers' })
    const row = within(table).getByText('Grace Hopper').closest('tr') as HTMLElement
    expect(within(row).getByRole('link', { name: 'Grace Hopper' }).getAttribute('href')).toBe(
      `/customers/${CUSTOMER}`,
    )
    expect(within(row).getByText('Existing')).toBeTruthy()
    expect(within(row).getByText('grace@navy.test')).toBeTruthy()
    expect(row.textContent).toMatch(/20\.00/)
    expect(row.textContent).toContain('0.005\u00a0ETH on Ethereum')
    expect(row.textContent).toMatch(/2026/)

    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())

    fireEvent.click(screen.getByRole('button', { name: 'Payers of Tip jar' }))
    const empty = await screen.findByRole('dialog', { name: 'Payers of “Tip jar”' })
    expect(await within(empty).findByText('No payers yet')).toBeTruthy()
    expect(within(empty).queryByRole('table')).toBeNull()
  })

  it('says when the payers could not be loaded, and tries again', async () => {
    let fail = true
    const requests = stubApi((req) => {
      if (req.url.pathname === '/api/v1/payment-links') return { body: { data: [paid] } }
      if (req.url.pathname === `/api/v1/payment-links/${paid.id}/uses`)
        return fail ? problem(500, 'internal', 'Something broke') : { body: { data: [use] } }
      return undefined
    })
    renderWithApp(<PaymentLinksPage />, { path: '/payment-links' })
    fireEvent.click(await screen.findByRole('button', { name: 'Payers of Conference pass' }))
    const dialog = await screen.findByRole('dialog', { name: 'Payers of “Conference pass”' })
    expect(await within(dialog).findByText('The payers could not be loaded')).toBeTruthy()
    fail = false
    fireEvent.click(within(dialog).getByRole('button', { name: 'Try again' }))
    expect(await within(dialog).findByRole('link', { name: 'Grace Hopper' })).toBeTruthy()
    expect(requests.filter((r) => r.url.pathname.endsWith('/uses'))).toHaveLength(2)
  })
})
