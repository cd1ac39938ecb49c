import type { PayerWallet, PaymentMethods } from '@coinbook/api/contracts'
import { fireEvent, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { problem, renderWithApp, stubApi } from '../../../test/api'
import { buildCustomer } from '../../../test/factories'
import { PaymentMethodsTab } from './PaymentMethodsTab'

afterEach(() => vi.unstubAllGlobals())

const customer = buildCustomer({ name: 'Ada Lovelace' })
const EVM = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed'

function wallet(overrides: Partial<PayerWallet> = {}): PayerWallet {
  return {
    id: '0190d000-0000-7000-8000-000000000001',
    customerId: customer.id,
    network: 'ethereum',
    address: EVM.toLowerCase(),
    label: null,
    source: 'learned',
    shared: false,
    paymentCount: 3,
    firstSeenAt: '2026-02-01T10:00:00.000Z',
    lastSeenAt: '2026-03-01T10:00:00.000Z',
    createdAt: '2026-02-01T10:00:00.000Z',
    ...overrides,
  }
}

function methods(overrides: Partial<PaymentMethods> = {}): PaymentMethods {
  return {
    preferredCoins: [],
    defaultMethod: null,
    depositAddresses: [],
    wallets: [],
    refundAddresses: [],
    ...overrides,
  }
}

/** The API for one customer: payment methods as given, deposit targets empty, writes answered by `write`. */
function stub(state: PaymentMethods, write?: (method: string, path: string, body: unknown) => unknown) {
  return stubApi(({ method, url, body }) => {
    if (method === 'GET' && url.pathname.endsWith('/payment-methods')) return { body: state }
    if (method === 'GET' && url.pathname.endsWith('/deposit-targets')) return { body: { data: [] } }
    if (method === 'GET' && url.pathname === '/api/v1/wallets') return { body: { data: [] } }
    if (method !== 'GET' && write) return write(method, url.pathname, body) as ReturnType<typeof problem>
    return undefined
  })
}

describe('PaymentMethodsTab', () => {
  it('shows clear empty states for a customer without payment methods', async () => {
    stub(methods())
    renderWithApp(<PaymentMethodsTab customer={customer} canWrite />)
    expect(await screen.findByText('No wallets yet')).toBeTruthy()
    expect(screen.getByText(/No preferred coins yet/)).toBeTruthy()
    expect(screen.getByText('No refund address yet.')).toBeTruthy()
  })

  it('lists preferred coins with the default first, and the wallets with what they recognise', async () => {
    stub(
      methods({
        preferredCoins: [
          { asset: 'USDT', network: 'tron' },
          { asset: 'BTC', network: 'bitcoin' },
        ],
        defaultMethod: { asset: 'USDT', network: 'tron' },
        wallets: [
          wallet({ label: 'Ledger' }),
          wallet({
            id: '0190d000-0000-7000-8000-000000000002',
            address: '0xabc',
            shared: true,
            paymentCount: 1,
          }),
        ],
      }),
    )
    renderWithApp(<PaymentMethodsTab customer={customer} canWrite />)
    const order = await screen.findByRole('list', { name: 'Preferred coins in order' })
    const items = within(order).getAllByRole('listitem')
    expect(items[0]?.textContent).toContain('USDT on Tron')
    expect(items[0]?.textContent).toContain('Default')
    expect(items[1]?.textContent).not.toContain('Default')

    const table = screen.getByRole('table', { name: 'Wallets they pay from' })
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows).toHaveLength(2)
    expect(within(rows[0]!).getByText('This customer')).toBeTruthy()
    expect((within(rows[0]!).getByRole('textbox') as HTMLInputElement).value).toBe('Ledger')
    expect(within(rows[1]!).getByText('Shared')).toBeTruthy()
  })

  it('reorders preferred coins with the keyboard-reachable buttons and saves the new default', async () => {
    const requests = stub(
      methods({
        preferredCoins: [
          { asset: 'USDT', network: 'tron' },
          { asset: 'BTC', network: 'bitcoin' },
        ],
      }),
      () => ({ body: customer }),
    )
    renderWithApp(<PaymentMethodsTab customer={customer} canWrite />)
    fireEvent.click(await screen.findByRole('button', { name: 'Move BTC on Bitcoin up' }))
    fireEvent.click(screen.getByRole('button', { name: 'Save order' }))
    await vi.waitFor(() => expect(requests.some((r) => r.method === 'PATCH')).toBe(true))
    const patch = requests.find((r) => r.method === 'PATCH')!
    expect(patch.url.pathname).toBe(`/api/v1/customers/${customer.id}`)
    expect(patch.body).toEqual({
      preferredCoins: [
        { asset: 'BTC', network: 'bitcoin' },
        { asset: 'USDT', network: 'tron' },
      ],
    })
  })

  it('adds a wallet and shows the API’s field error next to the address', async () => {
    const requests = stub(methods(), (method, path, body) => {
      if (method === 'POST' && path.endsWith('/wallets')) {
        const b = body as { address: string }
        if (b.address !== EVM) {
          return {
            ...problem(400, 'validation_failed', 'Not a Ethereum address'),
            body: {
              ...problem(400, 'validation_failed', 'Not a Ethereum address').body,
              errors: [{ path: 'address', message: 'is not a valid Ethereum address' }],
            },
          }
        }
        return { status: 201, body: wallet({ source: 'manual' }) }
      }
      return undefined
    })
    renderWithApp(<PaymentMethodsTab customer={customer} canWrite />)
    fireEvent.click(await screen.findByRole('button', { name: 'Add a wallet' }))
    const address = screen.getByRole('textbox', { name: /Wallet address/ })
    fireEvent.change(address, { target: { value: '0x1234' } })
    fireEvent.click(screen.getByRole('button', { name: 'Add wallet' }))
    expect(await screen.findByText('is not a valid Ethereum address')).toBeTruthy()
    // Focus moves to the field in error, so a keyboard user lands on it.
    await vi.waitFor(() => expect(document.activeElement).toBe(address))

    fireEvent.change(address, { target: { value: EVM } })
    fireEvent.click(screen.getByRole('button', { name: 'Add wallet' }))
    await vi.waitFor(() => expect(screen.queryByRole('form', { name: 'Add a wallet' })).toBeNull())
    expect(requests.filter((r) => r.method === 'POST').at(-1)?.body).toEqual({
      network: 'ethereum',
      address: EVM,
    })
  })

  it('marks a wallet shared and removes one', async () => {
    const requests = stub(methods({ wallets: [wallet()] }), (method) =>
      method === 'DELETE' ? { status: 204 } : { body: wallet({ shared: true }) },
    )
    renderWithApp(<PaymentMethodsTab customer={customer} canWrite />)
    fireEvent.click(await screen.findByRole('button', { name: 'Mark shared' }))
    await vi.waitFor(() => expect(requests.some((r) => r.method === 'PATCH')).toBe(true))
    expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({ shared: true })
    fireEvent.click(screen.getByRole('button', { name: `Remove wallet ${EVM.toLowerCase()}` }))
    await vi.waitFor(() => expect(requests.some((r) => r.method === 'DELETE')).toBe(true))
  })

  it('sets a TON refund address with its comment', async () => {
    const requests = stub(methods(), () => ({
      body: { network: 'ton', address: 'EQ…', memo: '123', updatedAt: '2026-03-01T10:00:00.000Z' },
    }))
    renderWithApp(<PaymentMethodsTab customer={customer} canWrite />)
    fireEvent.click(await screen.findByRole('button', { name: 'Set a refund address' }))
    fireEvent.change(screen.getByRole('combobox', { name: 'Network' }), { target: { value: 'ton' } })
    fireEvent.change(screen.getByRole('textbox', { name: /Refund address/ }), {
      target: { value: 'EQDKbjIcfM6ezt8KjKJJLshZJJSqX7XOA4ff-W72r5gqPrHF' },
    })
    fireEvent.change(screen.getByRole('textbox', { name: 'Comment' }), { target: { value: '123' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save refund address' }))
    await vi.waitFor(() => expect(requests.some((r) => r.method === 'PUT')).toBe(true))
    const put = requests.find((r) => r.method === 'PUT')!
    expect(put.url.pathname).toBe(`/api/v1/customers/${customer.id}/refund-addresses/ton`)
    expect(put.body).toEqual({ address: 'EQDKbjIcfM6ezt8KjKJJLshZJJSqX7XOA4ff-W72r5gqPrHF', memo: '123' })
  })

  it('shows an error with a retry when the tab cannot load', async () => {
    stubApi(() => problem(500, 'internal', 'Something broke'))
    renderWithApp(<PaymentMethodsTab customer={customer} canWrite />)
    expect(await screen.findByText('Payment methods could not be loaded')).toBeTruthy()
    expect(screen.getByRole('button', { name: /Retry|Try again/ })).toBeTruthy()
  })

  it('lets a viewer look without any controls to change things', async () => {
    stub(methods({ wallets: [wallet()], preferredCoins: [{ asset: 'BTC', network: 'bitcoin' }] }))
    renderWithApp(<PaymentMethodsTab customer={customer} canWrite={false} />)
    await screen.findByRole('table', { name: 'Wallets they pay from' })
    expect(screen.queryByRole('button', { name: 'Add a wallet' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Save order' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Mark shared' })).toBeNull()
  })
})
