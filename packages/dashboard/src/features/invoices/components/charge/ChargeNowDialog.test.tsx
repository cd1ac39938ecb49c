import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { problem, renderWithApp, stubApi } from '../../../../test/api'
import { buildInvoice } from '../invoice-fixtures'
import { ChargeNowDialog } from './ChargeNowDialog'

afterEach(() => vi.unstubAllGlobals())

const customer = { id: '0190a000-0000-7000-8000-00000000000a', name: 'Ada Lovelace', preferredFiat: 'USD' }
const options = [
  {
    asset: 'USDT',
    assetName: 'Tether USD',
    network: 'tron',
    networkName: 'Tron',
    decimals: 6,
    contract: 'T',
  },
  {
    asset: 'BTC',
    assetName: 'Bitcoin',
    network: 'bitcoin',
    networkName: 'Bitcoin',
    decimals: 8,
    contract: null,
  },
]
const invoice = buildInvoice({
  number: 'INV-000077',
  total: '25.00',
  amountDue: '25.00',
  dueDate: '2026-03-01',
})
const result = {
  invoice,
  payUrl: invoice.payUrl,
  quotes: [
    {
      id: '0190d000-0000-7000-8000-0000000000a1',
      asset: 'USDT',
      network: 'tron',
      address: 'TXYZopenQuoteAddress1111111111111',
      memo: null,
      reference: null,
      amount: '25.000000',
      fiatAmount: '25.00',
      currency: 'USD',
      rate: '1',
      uri: 'tron:TXYZ?amount=25',
      qrSvg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>',
      expiresAt: '2026-03-01T10:15:00.000Z',
      expired: false,
    },
  ],
  unavailable: [{ asset: 'BTC', network: 'bitcoin', reason: 'No Bitcoin wallet is configured' }],
}

function open() {
  renderWithApp(
    <ChargeNowDialog open onClose={() => {}} customer={customer} defaultCurrency="EUR" pollInterval={30} />,
  )
}

describe('ChargeNowDialog', { timeout: 20_000 }, () => {
  it('charges, shows the pay link and a QR per coin, and turns Paid by itself', async () => {
    let reads = 0
    const requests = stubApi((req) => {
      if (req.url.pathname === '/api/v1/payment-options') return { body: { data: options } }
      if (req.method === 'POST') return { status: 201, body: result }
      if (req.url.pathname === `/api/v1/invoices/${invoice.id}`) {
        reads += 1
        return {
          body: reads < 2 ? invoice : { ...invoice, status: 'paid', amountPaid: '25.00', amountDue: '0.00' },
        }
      }
      return undefined
    })
    open()
    fireEvent.change(await screen.findByLabelText(/Amount/), { target: { value: '25.00' } })
    fireEvent.change(screen.getByLabelText(/Description/), { target: { value: 'Coffee beans' } })
    fireEvent.click(await screen.findByRole('checkbox', { name: /USDT/ }))
    fireEvent.click(screen.getByRole('button', { name: 'Charge' }))

    const quotes = await screen.findByRole('list', { name: 'Ways to pay' })
    expect(within(quotes).getByRole('img').getAttribute('alt')).toBe(
      'QR code to pay 25\u00a0USDT on USDT on Tron',
    )
    expect(quotes.textContent).toContain('TXYZopenQuoteAddress1111111111111')
    expect(screen.getByText(/No Bitcoin wallet is configured/)).toBeTruthy()
    expect(screen.getByText(/\/pay\/abcdefghijklmnopqrstuvwxyz/)).toBeTruthy()
    const post = requests.find((r) => r.method === 'POST')
    expect(post?.url.pathname).toBe(`/api/v1/customers/${customer.id}/charge`)
    expect(post?.body).toEqual({
      amount: '25.00',
      currency: 'USD',
      description: 'Coffee beans',
      accepts: [{ asset: 'USDT', network: 'tron' }],
    })
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Paid: $25.00'))
    expect(screen.queryByRole('list', { name: 'Ways to pay' })).toBeNull()
  })

  it('shows a refusal next to the field it is about', async () => {
    stubApi((req) => {
      if (req.url.pathname === '/api/v1/payment-options') return { body: { data: options } }
      return problem(422, 'validation_failed', 'Above the customer’s payment limit', {
        errors: [{ path: 'amount', message: 'is above the customer’s limit of 100.00 USD per payment' }],
      })
    })
    open()
    fireEvent.change(await screen.findByLabelText(/Amount/), { target: { value: '500' } })
    fireEvent.change(screen.getByLabelText(/Description/), { target: { value: 'TV' } })
    fireEvent.click(screen.getByRole('button', { name: 'Charge' }))
    expect(await screen.findByText(/limit of 100.00 USD per payment/)).toBeTruthy()
    expect(screen.getByLabelText(/Amount/).getAttribute('aria-invalid')).toBe('true')
    expect(screen.getByRole('alert').textContent).toContain('Above the customer’s payment limit')
  })

  it('asks for an amount and a description before charging', async () => {
    const requests = stubApi((req) =>
      req.url.pathname === '/api/v1/payment-options' ? { body: { data: options } } : undefined,
    )
    open()
    fireEvent.change(await screen.findByLabelText(/Amount/), { target: { value: '0' } })
    fireEvent.click(screen.getByRole('button', { name: 'Charge' }))
    expect(await screen.findByText(/must be a positive amount/)).toBeTruthy()
    expect(screen.getByText('is required')).toBeTruthy()
    expect(requests.some((r) => r.method === 'POST')).toBe(false)
  })
})
