import type { DepositTarget } from '@coinbook/api/contracts'
import { fireEvent, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { problem, renderWithApp, stubApi } from '../../../test/api'
import { buildCustomer } from '../../../test/factories'
import { GetAddressPanel } from './GetAddressPanel'

afterEach(() => vi.unstubAllGlobals())

const customer = buildCustomer({ name: 'Ada Lovelace', preferredCoins: [{ asset: 'USDT', network: 'tron' }] })
const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 29 29"><path d="M0 0h7v7H0z"/><script>alert(1)</script></svg>'

function target(index: number, overrides: Partial<DepositTarget> = {}): DepositTarget {
  const address = [
    '0x9858EfFD232B4033E47d90003D41EC34EcaEda94',
    '0x6Fac4D18c912343BF86fa7049364Dd4E424Ab9C0',
  ][index]
  return {
    id: `0190c000-0000-7000-8000-00000000000${index}`,
    customerId: customer.id,
    network: 'ethereum',
    asset: 'ETH',
    address: address as string,
    memo: null,
    reference: null,
    derivationPath: `m/44'/60'/0'/0/${index}`,
    source: 'derived',
    uri: `ethereum:${address}@1`,
    qrSvg: SVG,
    createdAt: '2026-03-04T10:00:00.000Z',
    ...overrides,
  }
}

function stub(wallets: string[]) {
  return stubApi(({ method, url, body }) => {
    if (url.pathname === '/api/v1/wallets') {
      return { body: { data: wallets.map((network) => ({ network, firstAddresses: [] })) } }
    }
    if (method === 'POST' && url.pathname.endsWith('/deposit-targets')) {
      const b = body as { network: string; fresh?: boolean }
      if (!wallets.includes(b.network)) {
        return problem(409, 'conflict', `Set up a wallet first (PUT /api/v1/wallets/${b.network})`, {
          missing: 'wallet',
        })
      }
      return { body: target(b.fresh ? 1 : 0) }
    }
    return undefined
  })
}

describe('GetAddressPanel', () => {
  it('starts on a coin whose network has a wallet, and marks the others', async () => {
    stub(['ethereum'])
    renderWithApp(<GetAddressPanel customer={customer} />)
    const coin = screen.getByRole('combobox', { name: 'Coin' }) as HTMLSelectElement
    // Ada prefers USDT on Tron, but only Ethereum has a wallet.
    await vi.waitFor(() => expect(coin.value).toBe('ETH/ethereum'))
    expect(within(coin).getByRole('option', { name: 'USDT on Tron (no wallet yet)' })).toBeTruthy()
    // Solana and TON pay the merchant wallet with the customer's reference or comment.
    expect(within(coin).getByRole('option', { name: 'USDC on Solana (no wallet yet)' })).toBeTruthy()
    expect(within(coin).getByRole('option', { name: 'TON on TON (no wallet yet)' })).toBeTruthy()
  })

  it('sends the merchant to set up the network’s wallet when it has none', async () => {
    const requests = stub([])
    const { router } = renderWithApp(<GetAddressPanel customer={customer} />)
    fireEvent.change(screen.getByRole('combobox', { name: 'Coin' }), { target: { value: 'BTC/bitcoin' } })
    fireEvent.click(screen.getByRole('button', { name: 'Get address' }))
    await screen.findByText('Set up a Bitcoin wallet first')
    expect(requests.at(-1)?.body).toEqual({ asset: 'BTC', network: 'bitcoin' })
    fireEvent.click(screen.getByRole('link', { name: 'Go to Wallets' }))
    await vi.waitFor(() => expect(router.state.location.pathname).toBe('/settings/wallets'))
    expect(router.state.location.search).toBe('?connect=bitcoin')
  })

  it('shows the address, its URI and the QR code as an image (never as markup), and allocates a new one', async () => {
    const requests = stub(['ethereum'])
    renderWithApp(<GetAddressPanel customer={customer} />)
    await vi.waitFor(() =>
      expect((screen.getByRole('combobox', { name: 'Coin' }) as HTMLSelectElement).value).toBe(
        'ETH/ethereum',
      ),
    )
    fireEvent.change(screen.getByRole('textbox', { name: 'Amount (optional)' }), {
      target: { value: '0.05' },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Get address' }))

    await screen.findByText('0x9858EfFD232B4033E47d90003D41EC34EcaEda94')
    expect(requests.at(-1)?.body).toEqual({ asset: 'ETH', network: 'ethereum', amount: '0.05' })
    expect(screen.getByText('ethereum:0x9858EfFD232B4033E47d90003D41EC34EcaEda94@1')).toBeTruthy()
    const qr = screen.getByRole('img', { name: 'QR code of the ETH on Ethereum payment link' })
    expect(qr.getAttribute('src')).toBe(`data:image/svg+xml;utf8,${encodeURIComponent(SVG)}`)
    expect(document.querySelector('script')).toBeNull()
    expect(screen.getByRole('button', { name: 'Copy address' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Copy URI' })).toBeTruthy()

    fireEvent.click(screen.getByRole('button', { name: 'New address' }))
    const dialog = screen.getByRole('dialog')
    expect(dialog.textContent).toContain('0x9858EfFD232B4033E47d90003D41EC34EcaEda94 keeps working')
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create new address' }))
    await screen.findByText('0x6Fac4D18c912343BF86fa7049364Dd4E424Ab9C0')
    expect(requests.at(-1)?.body).toEqual({ asset: 'ETH', network: 'ethereum', amount: '0.05', fresh: true })
  })

  it('checks the amount before asking for an address', async () => {
    const requests = stub(['ethereum'])
    renderWithApp(<GetAddressPanel customer={customer} />)
    fireEvent.change(screen.getByRole('textbox', { name: 'Amount (optional)' }), { target: { value: '1e3' } })
    fireEvent.click(screen.getByRole('button', { name: 'Get address' }))
    expect(document.getElementById('field-amount-error')?.textContent).toContain('must be a number')
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0)
  })

  it('gives a TON customer the merchant wallet with their own comment, and a new comment on request', async () => {
    const wallet = 'UQCrq6urq6urq6urq6urq6urq6urq6urq6urq6urq6urq6gD'
    const comments = ['CB-7KQ2M9XA', 'CB-0PZ4R8TN']
    const requests = stubApi(({ method, url, body }) => {
      if (url.pathname === '/api/v1/wallets')
        return { body: { data: [{ network: 'ton', firstAddresses: [] }] } }
      if (method === 'POST' && url.pathname.endsWith('/deposit-targets')) {
        const memo = comments[(body as { fresh?: boolean }).fresh ? 1 : 0] as string
        return {
          body: target(0, {
            network: 'ton',
            asset: 'TON',
            address: wallet,
            memo,
            derivationPath: null,
            uri: `ton://transfer/${wallet}?text=${memo}`,
          }),
        }
      }
      return undefined
    })
    renderWithApp(<GetAddressPanel customer={customer} />)
    await vi.waitFor(() =>
      expect((screen.getByRole('combobox', { name: 'Coin' }) as HTMLSelectElement).value).toBe('TON/ton'),
    )
    fireEvent.click(screen.getByRole('button', { name: 'Get address' }))
    await screen.findByText('CB-7KQ2M9XA')
    expect(screen.getByText(wallet)).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Copy comment' })).toBeTruthy()
    expect(screen.getByText(/must put the\s+comment in the transfer/)).toBeTruthy()

    fireEvent.click(screen.getByRole('button', { name: 'New comment' }))
    const dialog = screen.getByRole('dialog')
    expect(dialog.textContent).toContain('CB-7KQ2M9XA keeps working')
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create new comment' }))
    await screen.findByText('CB-0PZ4R8TN')
    expect(requests.at(-1)?.body).toEqual({ asset: 'TON', network: 'ton', fresh: true })
  })
})
