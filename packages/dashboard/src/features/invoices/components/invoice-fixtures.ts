import type { Invoice } from '../api'

let n = 0

/** An invoice as the API returns it (open, 100 USD, nothing paid), with overrides. */
export function buildInvoice(overrides: Partial<Invoice> = {}): Invoice {
  n += 1
  const id = `0190c000-0000-7000-8000-${String(n).padStart(12, '0')}`
  return {
    id,
    number: `INV-${String(n).padStart(6, '0')}`,
    status: 'open',
    overdue: false,
    paidLate: false,
    installment: null,
    customerId: '0190a000-0000-7000-8000-00000000000a',
    customerName: 'Ada Lovelace',
    currency: 'USD',
    subtotal: '100.00',
    taxTotal: '0.00',
    total: '100.00',
    amountPaid: '0.00',
    amountDue: '100.00',
    amountSeen: '0.00',
    issueDate: '2026-03-01',
    dueDate: '2026-03-31',
    payUrl: '/pay/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-01T10:00:00.000Z',
    lines: [
      {
        position: 0,
        description: 'Monthly plan',
        quantity: '1',
        unitAmount: '100.00',
        amount: '100.00',
        taxRateId: null,
        taxName: null,
        taxPercentage: null,
      },
    ],
    taxes: [],
    creditApplied: '0.00',
    accepts: [{ asset: 'USDT', network: 'ethereum' }],
    memo: null,
    sentAt: '2026-03-01T10:00:00.000Z',
    paidAt: null,
    voidedAt: null,
    payments: [],
    quotes: [],
    history: [
      { from: null, to: 'draft', reason: 'created', at: '2026-03-01T10:00:00.000Z' },
      { from: 'draft', to: 'open', reason: 'sent', at: '2026-03-01T10:00:00.000Z' },
    ],
    ...overrides,
  }
}
