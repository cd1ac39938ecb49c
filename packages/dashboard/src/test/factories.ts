import type { CustomerDto } from '@coinbook/api/contracts'

let n = 0

/** A customer as the API returns it, with overrides; ids are unique per call. */
export function buildCustomer(overrides: Partial<CustomerDto> = {}): CustomerDto {
  n += 1
  const now = '2026-03-04T10:00:00.000Z'
  return {
    id: `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`,
    customId: null,
    name: `Customer ${n}`,
    email: `customer${n}@example.com`,
    phone: null,
    company: null,
    jobTitle: null,
    billingAddress: null,
    shippingAddress: null,
    country: null,
    timezone: null,
    status: 'active',
    type: 'individual',
    taxId: null,
    vatNumber: null,
    tags: [],
    tier: null,
    notes: null,
    customFields: {},
    preferredFiat: null,
    paymentTermsDays: null,
    preferredCoins: [],
    paymentLimits: null,
    registrationDate: '2026-03-04',
    source: 'manual',
    lifetimeValue: '0',
    paymentCount: 0,
    lastPaymentAt: null,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  }
}
