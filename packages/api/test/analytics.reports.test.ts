import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { attachAddress, pay, payInvoice, reorg } from './analytics.js'
import { createCustomer } from './factories.js'
import { createTestApp, type Session, type TestApp } from './harness.js'
import { createInvoice, sendInvoice } from './invoices.js'

// The merchant reports against a fixture computed by hand: 1 USDT = 1 USD, 1 ETH = 2,000 USD.
let t: TestApp
let owner: Session
let viewer: Session
const USDT = (n: number) => BigInt(Math.round(n * 1e6))
const ETH = (n: number) => BigInt(Math.round(n * 1e6)) * 10n ** 12n

beforeAll(async () => {
  t = await createTestApp({ env: { RATES_FIXED: 'USDT:USD=1,ETH:USD=2000' } })
  owner = await t.signup({ merchantName: 'Reports Co' })
  viewer = await t.apiKey(owner, 'viewer')

  // Ada (PT): Jan 1 $100 USDT, Jan 11 $100 ETH, Jan 31 $50.50 USDT; a failed one Feb 1; Mar 2 $200 reorged.
  const ada = await createCustomer(t, owner, { country: 'PT' })
  const toAda = await attachAddress(t, owner, ada.id)
  await pay(t, toAda, { asset: 'USDT', amount: USDT(100), at: '2026-01-01T00:00:00Z' })
  await pay(t, toAda, { asset: 'ETH', amount: ETH(0.05), at: '2026-01-11T00:00:00Z' })
  await pay(t, toAda, { asset: 'USDT', amount: USDT(50.5), at: '2026-01-31T00:00:00Z' })
  await pay(t, toAda, { asset: 'USDT', amount: USDT(10), at: '2026-02-01T00:00:00Z', status: 'failed' })
  await reorg(t, await pay(t, toAda, { asset: 'USDT', amount: USDT(200), at: '2026-03-02T00:00:00Z' }))
  // Bob (DE): Feb 10 $20 USDT, Mar 15 $30 USDT.
  const bob = await createCustomer(t, owner, { country: 'DE' })
  const toBob = await attachAddress(t, owner, bob.id)
  await pay(t, toBob, { asset: 'USDT', amount: USDT(20), at: '2026-02-10T00:00:00Z' })
  await pay(t, toBob, { asset: 'USDT', amount: USDT(30), at: '2026-03-15T00:00:00Z' })

  // Invoices: USD 100 sent Jan 1 due Jan 15 paid Jan 11 (10 days); EUR 100 due Feb 15 partly paid (30);
  // USD 100 due Jan 20, open.
  t.clock.set('2026-01-01T00:00:00Z')
  const paid = await createInvoice(t, owner, ada.id, { dueDate: '2026-01-15' })
  await sendInvoice(t, owner, paid.id)
  const eur = await createInvoice(t, owner, bob.id, { currency: 'EUR', dueDate: '2026-02-15' })
  await sendInvoice(t, owner, eur.id)
  const open = await createInvoice(t, owner, bob.id, { dueDate: '2026-01-20' })
  await sendInvoice(t, owner, open.id)
  t.clock.set('2026-01-11T00:00:00Z')
  await payInvoice(t, owner, paid.id, '100')
  await payInvoice(t, owner, eur.id, '30')
  t.clock.reset()
})
afterAll(() => t.close())

const get = (path: string, as = viewer) => t.request('GET', `/api/v1/analytics/${path}`, { as })

describe('analytics overview', () => {
  it('sums confirmed payments exactly, counts failed ones, and splits new from returning customers', async () => {
    const res = await get('overview?from=2026-01-01&to=2026-03-31')
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body).toMatchObject({ from: '2026-01-01', to: '2026-03-31', currency: 'USD' })
    // $250.50 + $50 over 5 confirmed payments; 2 paying customers, both new, both with ≥ 2 payments.
    expect(res.body.totals).toEqual({
      revenue: '300.5',
      payments: 5,
      failedPayments: 1,
      averagePayment: '60.10',
      payingCustomers: 2,
      newCustomers: 2,
      returningCustomers: 0,
      newCustomerGrowthRate: null,
      revenuePerPayingCustomer: '150.25',
      repeatCustomerRate: '1.0000',
    })
    expect(res.body.byCountry).toEqual([
      { country: 'PT', revenue: '250.5', payments: 3, customers: 1 },
      { country: 'DE', revenue: '50', payments: 2, customers: 1 },
    ])
    expect(res.body.coinMix).toEqual([
      { asset: 'USDT', network: 'ethereum', payments: 4, volume: '200.5', value: '200.5' },
      { asset: 'ETH', network: 'ethereum', payments: 1, volume: '0.05', value: '100' },
    ])
  })

  it('filters by asset and country, and knows returning customers and growth', async () => {
    const march = await get('overview?from=2026-03-01&to=2026-03-31')
    // Only Bob paid in March (Ada's payment was reorged); he first paid in February → returning.
    expect(march.body.totals).toMatchObject({
      revenue: '30',
      payingCustomers: 1,
      newCustomers: 0,
      returningCustomers: 1,
    })
    const feb = await get('overview?from=2026-02-01&to=2026-02-28')
    // 1 new in February (Bob), none in the 28 days before (Jan 4 → 31: Ada first paid Jan 1) → no rate.
    expect(feb.body.totals).toMatchObject({ newCustomers: 1, newCustomerGrowthRate: null })
    const eth = await get('overview?from=2026-01-01&to=2026-03-31&asset=ETH')
    expect(eth.body.totals).toMatchObject({ revenue: '100', payments: 1, payingCustomers: 1 })
    const de = await get('overview?from=2026-01-01&to=2026-03-31&country=DE')
    expect(de.body.totals).toMatchObject({ revenue: '50', payments: 2, failedPayments: 0 })
  })
})

describe('revenue, cohorts and aging', () => {
  it('gives revenue per month with empty months, and by asset and network', async () => {
    const res = await get('revenue?from=2026-01-01&to=2026-04-30&groupBy=month')
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.series).toEqual([
      { period: '2026-01-01', revenue: '250.5', payments: 3, failedPayments: 0, newCustomers: 1 },
      { period: '2026-02-01', revenue: '20', payments: 1, failedPayments: 1, newCustomers: 1 },
      { period: '2026-03-01', revenue: '30', payments: 1, failedPayments: 0, newCustomers: 0 },
      { period: '2026-04-01', revenue: '0', payments: 0, failedPayments: 0, newCustomers: 0 },
    ])
    expect(res.body.byAsset).toEqual([
      { asset: 'USDT', revenue: '200.5', payments: 4 },
      { asset: 'ETH', revenue: '100', payments: 1 },
    ])
    expect(res.body.byNetwork).toEqual([{ network: 'ethereum', revenue: '300.5', payments: 5 }])
    const weeks = await get('revenue?from=2026-01-01&to=2026-01-14&groupBy=week')
    // Weeks start on Monday: Dec 29, Jan 5, Jan 12.
    expect(weeks.body.series.map((s: { period: string; revenue: string }) => [s.period, s.revenue])).toEqual([
      ['2025-12-29', '100'],
      ['2026-01-05', '100'],
      ['2026-01-12', '0'],
    ])
  })

  it('builds retention cohorts and monthly churn', async () => {
    t.clock.set('2026-07-01T00:00:00Z')
    const res = await get('cohorts?from=2026-01-01&to=2026-06-30')
    t.clock.reset()
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const [jan, feb] = res.body.cohorts
    expect(jan).toMatchObject({ cohort: '2026-01', customers: 1 })
    expect(jan.months.slice(0, 3)).toEqual([
      { offset: 0, customers: 1, share: '1.0000' },
      { offset: 1, customers: 0, share: '0.0000' },
      { offset: 2, customers: 0, share: '0.0000' },
    ])
    expect(feb).toMatchObject({ cohort: '2026-02', customers: 1 })
    expect(feb.months.slice(0, 2)).toEqual([
      { offset: 0, customers: 1, share: '1.0000' },
      { offset: 1, customers: 1, share: '1.0000' },
    ])
    // Ada: 3 payments, last Jan 31, median 15 days → churned 90 days later, May 1.
    // Bob: 2 payments, last Mar 15, median 33 days → churned 99 days later, Jun 22.
    expect(res.body.churn.churnedCustomers).toBe(2)
    const may = res.body.churn.months.find((m: { month: string }) => m.month === '2026-05')
    const june = res.body.churn.months.find((m: { month: string }) => m.month === '2026-06')
    expect(may).toEqual({ month: '2026-05', activeAtStart: 2, churned: 1, rate: '0.5000' })
    expect(june).toEqual({ month: '2026-06', activeAtStart: 1, churned: 1, rate: '1.0000' })
    expect(res.body.subscriptionChurn.months).toHaveLength(6)
  })

  it('ages what is still due per currency and averages days to pay', async () => {
    t.clock.set('2026-02-20T00:00:00Z')
    const res = await get('aging?from=2026-01-01&to=2026-01-31')
    t.clock.reset()
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.asOf).toBe('2026-02-20')
    const due = res.body.buckets.filter((b: { invoices: number }) => b.invoices > 0)
    // EUR 70 due Feb 15 → 5 days late; USD 100 due Jan 20 → 31 days late.
    expect(due).toEqual([
      { currency: 'EUR', bucket: '1-30', amountDue: '70.00', invoices: 1 },
      { currency: 'USD', bucket: '31-60', amountDue: '100.00', invoices: 1 },
    ])
    expect(res.body).toMatchObject({ averageDaysToPay: '10.00', invoicesPaid: 1 })
  })
})

describe('bad requests and tenancy', () => {
  it('filters by a saved or built-in segment; an unknown one is a 404', async () => {
    // Customers whose lifetime value is above $100: Ada only.
    const seg = await t.request('POST', '/api/v1/segments', {
      as: owner,
      body: { name: 'Big spenders', rule: { all: [{ field: 'lifetimeValue', op: 'gt', value: 100 }] } },
    })
    expect(seg.status, JSON.stringify(seg.body)).toBe(201)
    const res = await get(`overview?from=2026-01-01&to=2026-03-31&segmentId=${seg.body.id}`)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.totals).toMatchObject({ revenue: '250.5', payments: 3, payingCustomers: 1 })
    const builtin = await get('revenue?from=2026-01-01&to=2026-03-31&groupBy=month&segmentId=country:DE')
    expect(builtin.status, JSON.stringify(builtin.body)).toBe(200)
    expect(builtin.body.byNetwork).toEqual([{ network: 'ethereum', revenue: '50', payments: 2 }])
    const aging = await get(`aging?segmentId=${seg.body.id}`)
    expect(aging.body.buckets).toEqual([])
    expect((await get('overview?segmentId=019a0000-0000-7000-8000-000000000000')).status).toBe(404)
  })

  it('answers 400 for a bad range and never shows another merchant’s figures', async () => {
    expect((await get('overview?from=2026-02-01&to=2026-01-01')).status).toBe(400)
    expect((await get('overview?from=2020-01-01&to=2026-01-01')).status).toBe(400)
    expect((await get('overview?groupBy=year')).status).toBe(400)
    expect((await get('overview?asset=DOGE')).status).toBe(400)
    const other = await t.signup()
    const res = await get('overview?from=2026-01-01&to=2026-03-31', other)
    expect(res.body.totals).toMatchObject({ revenue: '0', payments: 0, payingCustomers: 0 })
    expect((await t.request('GET', '/api/v1/analytics/overview')).status).toBe(401)
  })
})
