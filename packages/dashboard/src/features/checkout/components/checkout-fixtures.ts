import type { Checkout, Quote } from '../api'

export const TOKEN = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG'

/** A checkout as the public API returns it (open, 100 USD, two coins, nothing paid), with overrides. */
export function buildCheckout(overrides: Partial<Checkout> = {}): Checkout {
  return {
    merchantName: 'Anvil Goods',
    number: 'INV-000042',
    status: 'open',
    overdue: false,
    paidLate: false,
    currency: 'USD',
    lines: [
      { description: 'Monthly plan', quantity: '1', unitAmount: '80.00', amount: '80.00' },
      { description: 'Extra seats', quantity: '2', unitAmount: '10.00', amount: '20.00' },
    ],
    subtotal: '100.00',
    taxes: [],
    total: '100.00',
    amountPaid: '0.00',
    amountDue: '100.00',
    amountSeen: '0.00',
    dueDate: '2026-04-01',
    memo: null,
    accepts: [
      { asset: 'USDT', network: 'arbitrum', preferred: true },
      { asset: 'ETH', network: 'ethereum', preferred: false },
    ],
    quotes: [],
    payments: [],
    canRate: false,
    rating: null,
    ...overrides,
  }
}

/** A quote for 100 USDT on Arbitrum locked for 15 minutes from `now`. */
export function buildQuote(overrides: Partial<Quote> = {}, now = Date.now()): Quote {
  const address = '0x1111111111111111111111111111111111111111'
  return {
    id: '0190e000-0000-7000-8000-000000000001',
    asset: 'USDT',
    network: 'arbitrum',
    address,
    memo: null,
    reference: null,
    amount: '100',
    fiatAmount: '100.00',
    currency: 'USD',
    rate: '1',
    uri: `ethereum:0x2222222222222222222222222222222222222222@42161/transfer?address=${address}&uint256=100000000`,
    qrSvg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>',
    expiresAt: new Date(now + 15 * 60_000).toISOString(),
    expired: false,
    ...overrides,
  }
}
