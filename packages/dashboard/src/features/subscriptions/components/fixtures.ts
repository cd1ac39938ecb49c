import type { Plan, SubscriptionDetail } from '../api'

let n = 0

export function buildPlan(overrides: Partial<Plan> = {}): Plan {
  n += 1
  return {
    id: `0190f100-0000-7000-8000-${String(n).padStart(12, '0')}`,
    name: `Plan ${n}`,
    amount: '29.00',
    currency: 'USD',
    interval: 'month',
    intervalCount: 1,
    trialDays: 0,
    archivedAt: null,
    createdAt: '2026-03-01T10:00:00.000Z',
    ...overrides,
  }
}

export function buildSubscription(overrides: Partial<SubscriptionDetail> = {}): SubscriptionDetail {
  n += 1
  return {
    id: `0190f200-0000-7000-8000-${String(n).padStart(12, '0')}`,
    customerId: '0190a000-0000-7000-8000-00000000000a',
    plan: buildPlan({ name: 'Pro' }),
    status: 'active',
    startDate: '2026-03-01',
    trialEnd: null,
    currentPeriodStart: '2026-03-01',
    currentPeriodEnd: '2026-04-01',
    nextInvoiceDate: '2026-04-01',
    cancelAt: null,
    canceledAt: null,
    cancelReason: null,
    pausedAt: null,
    createdAt: '2026-03-01T10:00:00.000Z',
    invoices: [
      {
        invoiceId: '0190c000-0000-7000-8000-0000000000b1',
        number: 'INV-000031',
        status: 'open',
        total: '29.00',
        dueDate: '2026-03-31',
        periodStart: '2026-03-01',
        periodEnd: '2026-04-01',
      },
    ],
    ...overrides,
  }
}
