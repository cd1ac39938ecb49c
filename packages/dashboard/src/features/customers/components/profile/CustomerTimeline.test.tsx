import type { TimelineItem } from '@coinbook/api/contracts'
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderWithApp, stubApi } from '../../../../test/api'
import { CustomerTimeline } from './CustomerTimeline'

afterEach(() => vi.unstubAllGlobals())

const customerId = '0190a000-0000-7000-8000-00000000000a'
const path = `/api/v1/customers/${customerId}/timeline`

function item(overrides: Partial<TimelineItem>): TimelineItem {
  return {
    id: crypto.randomUUID(),
    kind: 'profile',
    type: 'customer.updated',
    at: new Date(Date.now() - 3 * 3600_000).toISOString(),
    title: 'Profile changed: name',
    actor: null,
    payment: null,
    invoice: null,
    message: null,
    changes: null,
    mergedCustomerId: null,
    ...overrides,
  }
}

describe('CustomerTimeline', () => {
  it('shows each kind with its title, relative time and who did it, and loads more', async () => {
    const first = [
      item({
        kind: 'payment',
        type: 'payment.confirmed',
        at: new Date(Date.now() - 5 * 60_000).toISOString(),
        title: 'Payment confirmed: 0.05 ETH',
        payment: {
          id: crypto.randomUUID(),
          amount: '0.05',
          asset: 'ETH',
          network: 'ethereum',
          txHash: '0xabc',
          status: 'confirmed',
          fiatValue: '150.00',
          fiatCurrency: 'USD',
          refundAmount: null,
        },
      }),
      item({
        kind: 'profile',
        title: 'Profile changed: email',
        actor: { type: 'customer', id: customerId, via: 'portal', name: 'Ada' },
      }),
    ]
    const second = [
      item({
        kind: 'note',
        title: 'Note added',
        changes: [{ field: 'notes', from: null, to: 'Prefers USDT' }],
        actor: { type: 'api_key', id: crypto.randomUUID(), via: null, name: 'Zapier' },
      }),
    ]
    const requests = stubApi((req) => {
      if (req.url.pathname !== path) return undefined
      return req.url.searchParams.get('cursor') === 'page2'
        ? { body: { data: second, nextCursor: null } }
        : { body: { data: first, nextCursor: 'page2' } }
    })
    renderWithApp(<CustomerTimeline customerId={customerId} />)

    const list = await screen.findByTestId('customer-timeline')
    const rows = within(list).getAllByRole('listitem')
    expect(rows.map((r) => r.querySelector('.timeline__title')?.textContent)).toEqual([
      'Payment confirmed: 0.05 ETH',
      'Profile changed: email',
    ])
    expect(rows[0]?.textContent).toContain('$150.00')
    expect(rows[0]?.textContent).toContain('5 minutes ago')
    expect(rows[1]?.textContent).toContain('3 hours ago · by the customer in the portal')

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }))
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(3))
    expect(within(list).getAllByRole('listitem')[2]?.textContent).toContain('Prefers USDT')
    expect(within(list).getAllByRole('listitem')[2]?.textContent).toContain('via API key “Zapier”')
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull()
    expect(
      requests.filter((r) => r.url.pathname === path).map((r) => r.url.searchParams.get('cursor')),
    ).toEqual([null, 'page2'])
  })

  it('filters by kind and says when there is nothing', async () => {
    const requests = stubApi((req) =>
      req.url.pathname === path ? { body: { data: [], nextCursor: null } } : undefined,
    )
    renderWithApp(<CustomerTimeline customerId={customerId} />)
    expect(await screen.findByText('Nothing here yet')).toBeTruthy()
    fireEvent.change(screen.getByRole('combobox', { name: /Show/ }), { target: { value: 'note' } })
    await waitFor(() => expect(requests.at(-1)?.url.searchParams.get('types')).toBe('note'))
  })
})
