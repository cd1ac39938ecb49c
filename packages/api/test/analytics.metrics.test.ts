import { randomBytes } from 'node:crypto'
import type { TransferEvent } from '@coinbook/chain-watchers'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inTransaction } from '../src/db/transaction.js'
import { analyticsOverdueJob } from '../src/jobs/definitions/analytics-overdue.js'
import { refreshPaymentMetrics } from '../src/modules/analytics/metrics.js'
import { type IngestDeps, ingestEvents } from '../src/modules/payments/services/ingest.js'
import { attachAddress, pay, payInvoice, reorg } from './analytics.js'
import { createCustomer, listCustomers } from './factories.js'
import { createTestApp, type Session, type TestApp } from './harness.js'
import { createInvoice, sendInvoice } from './invoices.js'

// Each metric of src/modules/analytics/metrics.ts against a fixture computed by hand (figures in the
// comments). Amounts are exact decimals as PostgreSQL's numeric gives them (20 is 20.00). Prices are fixed: 1 USDT = 1 USD, 1 ETH = 2,000 USD; the merchant reports in USD.
let t: TestApp
let owner: Session

const USDT = (n: number) => BigInt(Math.round(n * 1e6))
const ETH = (n: number) => BigInt(Math.round(n * 1e6)) * 10n ** 12n

beforeAll(async () => {
  t = await createTestApp({ env: { RATES_FIXED: 'USDT:USD=1,ETH:USD=2000,USDT:EUR=0.9,ETH:EUR=1800' } })
  owner = await t.signup({ merchantName: 'Metrics Co' })
})
afterAll(() => t.close())

const metricsOf = async (id: string, as = owner) => {
  const res = await t.request('GET', `/api/v1/customers/${id}`, { as })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body.metrics
}

describe('payment metrics', () => {
  it('count confirmed payments only, and a reorg gives back exactly what its payment added', async () => {
    const ada = await createCustomer(t, owner)
    const to = await attachAddress(t, owner, ada.id)
    await pay(t, to, { asset: 'USDT', amount: USDT(100), at: '2026-01-01T00:00:00Z' }) // $100
    await pay(t, to, { asset: 'ETH', amount: ETH(0.05), at: '2026-01-11T00:00:00Z' }) // $100, +10 days
    await pay(t, to, { asset: 'USDT', amount: USDT(50.5), at: '2026-01-31T00:00:00Z' }) // $50.50, +20 days
    await pay(t, to, { asset: 'USDT', amount: USDT(10), at: '2026-02-01T00:00:00Z', status: 'failed' })
    await pay(t, to, { asset: 'USDT', amount: USDT(30), at: '2026-02-02T00:00:00Z', status: 'pending' })
    const late = await pay(t, to, { asset: 'USDT', amount: USDT(200), at: '2026-03-02T00:00:00Z' }) // +30 days

    // With the March payment: 4 payments, $450.50, gaps 10/20/30 → median 20, span 60 days → 4 × 30 / 60.
    t.clock.set('2026-03-10T00:00:00Z')
    expect(await metricsOf(ada.id)).toMatchObject({
      currency: 'USD',
      lifetimeValue: '450.5',
      paymentCount: 4,
      medianIntervalDays: '20.00',
      paymentsPer30d: '2.00',
      firstPaymentAt: '2026-01-01T00:00:00.000Z',
      lastPaymentAt: '2026-03-02T00:00:00.000Z',
      topCoin: { asset: 'USDT', network: 'ethereum' },
    })

    // Reorged: back to 3 payments, $250.50, gaps 10/20 → median 15, span 30 days → 3 × 30 / 30.
    await reorg(t, late)
    const m = await metricsOf(ada.id)
    expect(m).toMatchObject({
      lifetimeValue: '250.5',
      paymentCount: 3,
      medianIntervalDays: '15.00',
      paymentsPer30d: '3.00',
      lastPaymentAt: '2026-01-31T00:00:00.000Z',
      topCoin: { asset: 'USDT', network: 'ethereum' },
    })
    expect(m.coinMix).toEqual([
      { asset: 'USDT', network: 'ethereum', payments: 2, volume: '150.5', value: '150.5' },
      { asset: 'ETH', network: 'ethereum', payments: 1, volume: '0.05', value: '100' },
    ])
    // The customer record keeps showing the same lifetime value.
    const customer = await t.request('GET', `/api/v1/customers/${ada.id}`, { as: owner })
    expect(customer.body).toMatchObject({ lifetimeValue: '250.5', paymentCount: 3 })
    t.clock.reset()
  })

  it('has no interval or frequency figures before the payments allow them', async () => {
    const one = await createCustomer(t, owner)
    const to = await attachAddress(t, owner, one.id)
    const none = await metricsOf(one.id)
    expect(none).toMatchObject({
      lifetimeValue: '0',
      paymentCount: 0,
      medianIntervalDays: null,
      paymentsPer30d: null,
      topCoin: null,
      coinMix: [],
      successRate: null,
      onTimeRate: null,
      avgDaysToPay: null,
    })
    await pay(t, to, { asset: 'ETH', amount: ETH(0.01), at: '2026-05-01T12:00:00Z' }) // $20
    // One payment: no interval; a single day's span counts as 30 days → 1 × 30 / 30.
    expect(await metricsOf(one.id)).toMatchObject({
      lifetimeValue: '20',
      paymentCount: 1,
      medianIntervalDays: null,
      paymentsPer30d: '1.00',
    })
  })

  it('computes the 30-day trend against the 30 days before, and the last 12 months, at read time', async () => {
    const c = await createCustomer(t, owner)
    const to = await attachAddress(t, owner, c.id)
    await pay(t, to, { asset: 'USDT', amount: USDT(40), at: '2026-04-05T00:00:00Z' }) // previous 30 days
    await pay(t, to, { asset: 'USDT', amount: USDT(30), at: '2026-04-20T00:00:00Z' }) // previous 30 days
    await pay(t, to, { asset: 'USDT', amount: USDT(105), at: '2026-05-10T00:00:00Z' }) // last 30 days
    t.clock.set('2026-05-31T00:00:00Z') // last 30 days: May 1 → May 31; previous: Apr 1 → May 1
    const m = await metricsOf(c.id)
    expect(m.trend).toEqual({
      last30Days: { revenue: '105', payments: 1 },
      previous30Days: { revenue: '70', payments: 2 },
      change: '0.5000', // (105 − 70) / 70
    })
    expect(m.monthly).toHaveLength(12)
    expect(m.monthly.at(-1)).toEqual({ month: '2026-05', revenue: '105', payments: 1 })
    expect(m.monthly.at(-2)).toEqual({ month: '2026-04', revenue: '70', payments: 2 })
    expect(m.monthly[0]).toEqual({ month: '2025-06', revenue: '0', payments: 0 })
    expect(m.churned).toBe(false)
    // 3 payments, last May 10, median 17.5 days: churned 90 days later (Aug 8).
    t.clock.set('2026-08-09T00:00:00Z')
    expect((await metricsOf(c.id)).churned).toBe(true)
    t.clock.reset()
  })
})

describe('invoice metrics', () => {
  it('success rate, on-time rate and days to pay, with partial and late payments in two currencies', async () => {
    const c = await createCustomer(t, owner)
    t.clock.set('2026-01-01T00:00:00Z')
    // I1 (USD): paid 40 then 60, fully paid on Jan 11, due Jan 15 → 10 days, on time.
    const i1 = await createInvoice(t, owner, c.id, { dueDate: '2026-01-15' })
    await sendInvoice(t, owner, i1.id)
    // I2 (EUR): paid in full on Jan 21, due Jan 15 → 20 days, late.
    const i2 = await createInvoice(t, owner, c.id, { currency: 'EUR', dueDate: '2026-01-15' })
    await sendInvoice(t, owner, i2.id)
    // I3: sent, then voided → settled, not paid.
    const i3 = await createInvoice(t, owner, c.id, { dueDate: '2026-01-10' })
    await sendInvoice(t, owner, i3.id)
    // I4: a draft voided without being sent → not settled.
    const i4 = await createInvoice(t, owner, c.id)
    // I5: sent, due Feb 15, left open → settled once overdue.
    const i5 = await createInvoice(t, owner, c.id, { dueDate: '2026-02-15' })
    await sendInvoice(t, owner, i5.id)

    t.clock.set('2026-01-05T00:00:00Z')
    expect((await payInvoice(t, owner, i1.id, '40')).status).toBe('partially_paid')
    t.clock.set('2026-01-11T00:00:00Z')
    expect((await payInvoice(t, owner, i1.id, '60')).status).toBe('paid')
    t.clock.set('2026-01-12T00:00:00Z')
    expect((await t.request('POST', `/api/v1/invoices/${i3.id}/void`, { as: owner })).status).toBe(200)
    expect((await t.request('POST', `/api/v1/invoices/${i4.id}/void`, { as: owner })).status).toBe(200)
    t.clock.set('2026-01-21T00:00:00Z')
    expect((await payInvoice(t, owner, i2.id, '100')).status).toBe('paid')

    // Paid 2 (I1, I2) of settled 3 (I1, I2, I3); on time 1 of 2; (10 + 20) / 2 days.
    expect(await metricsOf(c.id)).toMatchObject({
      invoicesPaid: 2,
      invoicesSettled: 3,
      paidOnTime: 1,
      successRate: '0.6667',
      onTimeRate: '0.5000',
      avgDaysToPay: '15.00',
    })

    // Feb 20: I5 is overdue; the hourly job counts it → 2 of 4.
    t.clock.set('2026-02-20T00:00:00Z')
    await analyticsOverdueJob.handler({}, t.core)
    expect(await metricsOf(c.id)).toMatchObject({ invoicesSettled: 4, successRate: '0.5000' })
    // Paid late on Feb 25 (55 days after it was sent): 3 of 4 paid, 1 of 3 on time, (10 + 20 + 55) / 3.
    t.clock.set('2026-02-25T00:00:00Z')
    await payInvoice(t, owner, i5.id, '100')
    expect(await metricsOf(c.id)).toMatchObject({
      invoicesPaid: 3,
      invoicesSettled: 4,
      successRate: '0.7500',
      onTimeRate: '0.3333',
      avgDaysToPay: '28.33',
    })
    t.clock.reset()
  })
})

describe('sorting the customer list by a metric', () => {
  it('walks each metric in order, customers without the figure last when descending, with a cursor', async () => {
    const m = await t.signup()
    const ids: string[] = []
    for (const rate of ['0.2500', null, '1.0000', '0.5000', '0.5000']) {
      const c = await createCustomer(t, m)
      ids.push(c.id)
      if (rate)
        await t.db
          .updateTable('customer_stats')
          .set({ success_rate: rate })
          .where('customer_id', '=', c.id)
          .execute()
    }
    const pages: string[] = []
    let cursor: string | null = null
    do {
      const res = await listCustomers(t, m, { sort: '-successRate', limit: 2, ...(cursor ? { cursor } : {}) })
      expect(res.status, JSON.stringify(res.body)).toBe(200)
      pages.push(...res.body.data.map((c: { id: string }) => c.id))
      cursor = res.body.nextCursor
    } while (cursor)
    // 1.0, then the two 0.5s by id descending, 0.25, then the customer without invoices.
    const [a, none, full, half1, half2] = ids as [string, string, string, string, string]
    expect(pages).toEqual([full, half2, half1, a, none])
    const asc = await listCustomers(t, m, { sort: 'successRate', limit: 5 })
    expect(asc.body.data.map((c: { id: string }) => c.id)).toEqual([none, a, half1, half2, full])

    for (const sort of [
      'paymentCount',
      '-lastPaymentAt',
      'avgDaysToPay',
      '-onTimeRate',
      '-paymentsPer30d',
      'medianIntervalDays',
    ]) {
      const res = await listCustomers(t, m, { sort, limit: 2 })
      expect(res.status, sort).toBe(200)
      expect(res.body.data).toHaveLength(2)
      const next = await listCustomers(t, m, { sort, limit: 2, cursor: res.body.nextCursor })
      expect(next.status, sort).toBe(200)
    }
    // A cursor made for one sort is not valid for another.
    const first = await listCustomers(t, m, { sort: '-successRate', limit: 2 })
    const wrong = await listCustomers(t, m, { sort: '-onTimeRate', cursor: first.body.nextCursor })
    expect(wrong.status).toBe(400)
  })
})

describe('metric upkeep of a scan-sized batch', () => {
  it('adds up to what a recompute from the payments gives, with repeats, late arrivals and a reorg in it', async () => {
    const m = await t.signup()
    const people = await Promise.all([1, 2, 3].map(() => createCustomer(t, m)))
    const to = await Promise.all(people.map((c) => attachAddress(t, m, c.id)))
    const deps: IngestDeps = { db: t.db, rates: t.core.rates, mode: 'regtest', confirmationsFor: () => 3 }
    const event = (i: number, p: { asset: 'USDT' | 'ETH'; amount: bigint; at: string }): TransferEvent => ({
      network: 'ethereum',
      asset: p.asset,
      txHash: `0x${randomBytes(32).toString('hex')}`,
      eventIndex: 0,
      from: null,
      to: to[i] as string,
      amount: p.amount,
      ...(p.asset === 'ETH' ? {} : { contract: '0xdac17f958d2ee523a2206206994597c13d831ec7' }),
      blockRef: { number: 1000n, hash: `0x${randomBytes(32).toString('hex')}` },
      blockTime: Date.parse(p.at) / 1000,
      status: 'confirmed',
    })
    const first = event(0, { asset: 'USDT', amount: USDT(12.5), at: '2026-01-05T00:00:00Z' })
    await ingestEvents(deps, [
      first,
      event(1, { asset: 'ETH', amount: ETH(0.01), at: '2026-01-03T00:00:00Z' }),
    ])
    const late = event(1, { asset: 'USDT', amount: USDT(3.3), at: '2026-01-01T00:00:00Z' })
    const batch: TransferEvent[] = [
      event(0, { asset: 'USDT', amount: USDT(7), at: '2026-01-09T00:00:00Z' }),
      late,
      event(1, { asset: 'ETH', amount: ETH(0.02), at: '2026-01-20T00:00:00Z' }),
      event(2, { asset: 'USDT', amount: USDT(1), at: '2026-02-01T00:00:00Z' }),
      event(2, { asset: 'USDT', amount: USDT(2), at: '2026-02-11T00:00:00Z' }),
      late,
      // The first payment's block left the chain: it is seen again in a new block, 1 of 3 confirmations.
      {
        ...first,
        blockRef: { number: 1001n, hash: `0x${randomBytes(32).toString('hex')}` },
        status: 'pending',
      },
    ]
    await ingestEvents(deps, batch)
    await ingestEvents(deps, batch)

    const ids = people.map((c) => c.id)
    const snapshot = async () => ({
      stats: await t.db
        .selectFrom('customer_stats')
        .selectAll()
        .where('customer_id', 'in', ids)
        .orderBy('customer_id')
        .execute(),
      coins: await t.db
        .selectFrom('customer_asset_stats')
        .selectAll()
        .where('customer_id', 'in', ids)
        .orderBy('customer_id')
        .orderBy('asset')
        .execute(),
    })
    const kept = await snapshot()
    await inTransaction(t.db, (trx) => refreshPaymentMetrics(trx, ids))
    const recomputed = await snapshot()
    const figures = (s: Awaited<ReturnType<typeof snapshot>>) => ({
      stats: s.stats.map(({ updated_at: _, ...rest }) => rest),
      coins: s.coins,
    })
    expect(figures(kept)).toEqual(figures(recomputed))
    // By hand: the first one's $12.50 no longer counts ($7 left); $20 + $3.30 + $40; $1 + $2.
    const byId = new Map(kept.stats.map((s) => [s.customer_id, [s.payment_count, s.lifetime_value]]))
    expect(ids.map((id) => byId.get(id))).toEqual([
      [1, '7'],
      [3, '63.3'],
      [2, '3'],
    ])
  })

  it('counts each payment once when two writers ingest the same batch at the same moment', async () => {
    const m = await t.signup()
    const people = await Promise.all([1, 2].map(() => createCustomer(t, m)))
    const to = await Promise.all(people.map((c) => attachAddress(t, m, c.id)))
    const deps: IngestDeps = { db: t.db, rates: t.core.rates, mode: 'regtest', confirmationsFor: () => 3 }
    const batch: TransferEvent[] = Array.from({ length: 40 }, (_, i) => ({
      network: 'ethereum',
      asset: 'USDT',
      txHash: `0x${randomBytes(32).toString('hex')}`,
      eventIndex: 0,
      from: null,
      to: to[i % 2] as string,
      amount: USDT(1 + i),
      contract: '0xdac17f958d2ee523a2206206994597c13d831ec7',
      blockRef: { number: 1000n, hash: `0x${randomBytes(32).toString('hex')}` },
      blockTime: Date.parse('2026-01-01T00:00:00Z') / 1000 + i * 3600,
      status: 'confirmed',
    }))
    // Two processes scanning the same blocks (chain order): on PostgreSQL each on its own connection, the
    // second waiting on the first's uncommitted payments and then finding them there.
    const results = await Promise.all([ingestEvents(deps, batch), ingestEvents(deps, batch)])
    expect(results.flat().filter((p) => p.created)).toHaveLength(40)
    // 1 + 3 + … + 39 = 400 to the first, 2 + 4 + … + 40 = 420 to the second.
    for (const [i, ltv] of [
      [0, '400'],
      [1, '420'],
    ] as const) {
      expect(await metricsOf(people[i]!.id, m)).toMatchObject({ paymentCount: 20, lifetimeValue: ltv })
    }
  })
})
