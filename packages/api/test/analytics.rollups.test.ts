import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ServiceContext } from '../src/context.js'
import { inTransaction } from '../src/db/transaction.js'
import { compactRollups } from '../src/modules/analytics/rollups.js'
import { type AnalyticsQuery, analyticsQuery } from '../src/modules/analytics/schema.js'
import { analyticsOverview } from '../src/modules/analytics/services/overview.js'
import { analyticsRevenue } from '../src/modules/analytics/services/revenue.js'
import { assignPayment } from '../src/modules/payments/services/assign.js'
import { setPaymentStates } from '../src/modules/payments/services/payment-states.js'
import { attachAddress, pay, reorg } from './analytics.js'
import { createCustomer } from './factories.js'
import { createTestApp, type Session, type TestApp } from './harness.js'

// The rollups of migration 0017 (payment days, customer spans, span days), kept by triggers, against the
// same figures aggregated from scratch after every kind of change to payments; and the overview and
// revenue from the rollups against the same reports computed from the payments.
let t: TestApp
let owner: Session
let ctx: ServiceContext
const USDT = (n: number) => BigInt(Math.round(n * 1e6))
const ETH = (n: number) => BigInt(Math.round(n * 1e6)) * 10n ** 12n

beforeAll(async () => {
  t = await createTestApp({ env: { RATES_FIXED: 'USDT:USD=1,ETH:USD=2000' } })
  owner = await t.signup({ merchantName: 'Rollups Co' })
  ctx = { db: t.db, merchantId: owner.merchantId, actor: { type: 'system', id: null, role: 'owner' } }
})
afterAll(() => t.close())

/** The rollups as they stand, net of unmerged deltas, in a comparable order. */
async function rollups(m: string) {
  const days = await sql`
    select grain, day::text, asset, network, country, attributed, sum(payments)::int as payments,
      sum(priced)::int as priced, trim_scale(sum(revenue))::text as revenue, trim_scale(sum(volume))::text as volume,
      sum(failed)::int as failed
    from analytics_payment_days where merchant_id = ${m}
    group by grain, day, asset, network, country, attributed
    having sum(payments) <> 0 or sum(priced) <> 0 or sum(revenue) <> 0 or sum(volume) <> 0 or sum(failed) <> 0
    order by 1, 2, 3, 4, 5, 6`.execute(t.db)
  const spans = await sql`
    select customer_id, country, first_day::text, second_day::text, penult_day::text, last_day::text
    from analytics_customer_spans where merchant_id = ${m} order by customer_id`.execute(t.db)
  const spanDays = await sql`
    select nullif(country, '') as country, kind, day::text, sum(customers)::int as customers
    from analytics_span_days where merchant_id = ${m}
    group by country, kind, day having sum(customers) <> 0 order by 1, 2, 3`.execute(t.db)
  return { days: days.rows, spans: spans.rows, spanDays: spanDays.rows }
}

/** The same figures from the payments, written independently of the migration's SQL. */
async function fromScratch(m: string) {
  const days = await sql`
    with p as (
      select p.asset, p.network, c.country, p.customer_id is not null as attributed, p.counted,
        p.status = 'failed' as failed, p.fiat_value, p.amount / (10::numeric ^ p.decimals) as volume,
        to_char(coalesce(p.block_time, p.detected_at) at time zone 'UTC', 'YYYY-MM-DD') as day
      from payments p left join customers c on c.id = p.customer_id
      where p.merchant_id = ${m} and (p.counted or p.status = 'failed')
    ),
    g as (
      select 1 as grain, day, asset, network, null::text as country, null::boolean as attributed, counted, failed,
        fiat_value, volume from p
      union all select 2, day, null, null, country, attributed, counted, failed, fiat_value, volume from p
      union all select 3, day, asset, network, country, attributed, counted, failed, fiat_value, volume from p
    )
    select g.grain, g.day, g.asset, g.network, g.country, g.attributed,
      (count(*) filter (where g.counted))::int as payments,
      (count(g.fiat_value) filter (where g.counted))::int as priced,
      trim_scale(coalesce(sum(g.fiat_value) filter (where g.counted), 0))::text as revenue,
      trim_scale(coalesce(sum(g.volume) filter (where g.counted), 0))::text as volume,
      (count(*) filter (where g.failed))::int as failed
    from g
    group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 4, 5, 6`.execute(t.db)
  const spans = await sql`
    select p.customer_id, c.country, d[1] as first_day, d[2] as second_day, d[cardinality(d) - 1] as penult_day,
      d[cardinality(d)] as last_day
    from (
      select customer_id, array_agg(to_char(coalesce(block_time, detected_at) at time zone 'UTC', 'YYYY-MM-DD')
        order by coalesce(block_time, detected_at)) as d
      from payments where merchant_id = ${m} and counted and customer_id is not null group by customer_id
    ) p join customers c on c.id = p.customer_id
    order by p.customer_id`.execute(t.db)
  const spanDays = await sql`
    with s as (
      select c.country, d[1] as f, d[2] as s, d[cardinality(d) - 1] as p, d[cardinality(d)] as l
      from (
        select customer_id, array_agg(to_char(coalesce(block_time, detected_at) at time zone 'UTC', 'YYYY-MM-DD')
          order by coalesce(block_time, detected_at)) as d
        from payments where merchant_id = ${m} and counted and customer_id is not null group by customer_id
      ) p join customers c on c.id = p.customer_id
    )
    select country, kind, day, count(*)::int as customers
    from s cross join lateral (values ('f', f), ('s', s), ('p', p), ('l', l)) v (kind, day)
    where day is not null group by 1, 2, 3 order by 1, 2, 3`.execute(t.db)
  return { days: days.rows, spans: spans.rows, spanDays: spanDays.rows }
}

const RANGES: [string, string][] = [
  ['2026-01-01', '2026-12-31'],
  ['2026-01-01', '2026-01-31'],
  ['2026-01-10', '2026-02-12'],
  ['2026-02-01', '2026-02-28'],
  ['2026-02-10', '2026-02-10'],
  ['2026-03-01', '2026-04-30'],
  ['2025-12-01', '2026-01-10'],
]
const FILTERS: Partial<AnalyticsQuery>[] = [
  {},
  { asset: 'USDT' },
  { network: 'ethereum' },
  { country: 'PT' },
  { country: 'DE', asset: 'ETH' },
]

/** Rollups equal the from-scratch figures, and every report from them equals the one from payments. */
async function expectConsistent() {
  const m = owner.merchantId
  expect(await rollups(m)).toEqual(await fromScratch(m))
  const now = new Date('2026-06-01T00:00:00Z')
  const units = ['day', 'week', 'month'] as const
  for (const [i, [from, to]] of RANGES.entries()) {
    for (const [j, filter] of FILTERS.entries()) {
      const input = analyticsQuery.parse({ from, to, ...filter, groupBy: units[(i + j) % units.length] })
      const label = JSON.stringify(input)
      expect(await analyticsOverview({ ctx, input, now }), label).toEqual(
        await analyticsOverview({ ctx, input, now, source: 'payments' }),
      )
      expect(await analyticsRevenue({ ctx, input, now }), label).toEqual(
        await analyticsRevenue({ ctx, input, now, source: 'payments' }),
      )
    }
  }
}

async function paymentRow(id: string) {
  return t.db.selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
}

/** Moves payments to a new state the way the confirmation job does, several in one statement. */
async function setStates(
  changes: { id: string; status: 'pending' | 'confirmed' | 'failed' | 'reorged'; blockTime?: string }[],
) {
  const rows = await Promise.all(changes.map((c) => paymentRow(c.id)))
  await inTransaction(t.db, async (trx) => {
    await setPaymentStates(
      trx,
      changes.map((c, i) => {
        const current = rows[i]!
        return {
          current,
          next: {
            status: c.status,
            confirmations: c.status === 'confirmed' ? 3 : 0,
            blockNumber: current.block_number,
            blockHash: current.block_hash,
            blockTime: c.blockTime ? new Date(c.blockTime) : current.block_time,
          },
        }
      }),
    )
  })
}

describe('analytics rollups', { timeout: 120_000 }, () => {
  let ada: { id: string }
  let bob: { id: string }
  let cy: { id: string }
  const ids: Record<string, string> = {}

  it('follow ingest, pending and failed payments, on PGlite and PostgreSQL alike', async () => {
    ada = await createCustomer(t, owner, { country: 'PT' })
    bob = await createCustomer(t, owner, { country: 'DE' })
    cy = await createCustomer(t, owner, {})
    const toAda = await attachAddress(t, owner, ada.id)
    const toBob = await attachAddress(t, owner, bob.id)
    const toCy = await attachAddress(t, owner, cy.id)
    ids.a1 = await pay(t, toAda, { asset: 'USDT', amount: USDT(100.25), at: '2026-01-01T10:00:00Z' })
    ids.a2 = await pay(t, toAda, { asset: 'ETH', amount: ETH(0.05), at: '2026-01-11T23:59:59Z' })
    ids.a3 = await pay(t, toAda, { asset: 'USDT', amount: USDT(50.5), at: '2026-01-11T00:00:00Z' })
    ids.a4 = await pay(t, toAda, {
      asset: 'USDT',
      amount: USDT(10),
      at: '2026-02-01T00:00:00Z',
      status: 'failed',
    })
    ids.a5 = await pay(t, toAda, { asset: 'USDT', amount: USDT(200), at: '2026-03-02T00:00:00Z' })
    ids.b1 = await pay(t, toBob, { asset: 'USDT', amount: USDT(20), at: '2026-02-10T00:00:00Z' })
    ids.b2 = await pay(t, toBob, { asset: 'ETH', amount: ETH(0.015), at: '2026-03-15T00:00:00Z' })
    ids.b3 = await pay(t, toBob, {
      asset: 'USDT',
      amount: USDT(5),
      at: '2026-02-10T12:00:00Z',
      status: 'pending',
    })
    ids.c1 = await pay(t, toCy, { asset: 'USDT', amount: USDT(7.1), at: '2026-01-20T00:00:00Z' })
    await expectConsistent()
  })

  it('follow confirmation, a reorg taking counted payments back, and a block time that moves', async () => {
    await setStates([{ id: ids.b3!, status: 'confirmed' }])
    await reorg(t, ids.a5!)
    await setStates([
      { id: ids.a1!, status: 'reorged' },
      { id: ids.a3!, status: 'confirmed', blockTime: '2026-02-11T08:00:00Z' },
      { id: ids.c1!, status: 'failed' },
    ])
    await expectConsistent()
    await setStates([{ id: ids.a1!, status: 'confirmed', blockTime: '2026-01-02T00:00:00Z' }])
    await expectConsistent()
  })

  it('follow an unattributed payment and its assignment to a customer, and a reprice', async () => {
    const id = uuidv7()
    const tx = `0x${randomBytes(32).toString('hex')}`
    await sql`insert into payments (id, merchant_id, network, asset, tx_hash, event_index, to_address, amount,
        decimals, fiat_currency, fiat_value, rate, block_time, confirmations, status, counted, detected_at)
      values (${id}, ${owner.merchantId}, 'ethereum', 'USDT', ${tx}, 0, '0xwallet', 3000000, 6, 'USD', 3, 1,
        '2026-01-25T00:00:00Z', 3, 'confirmed', true, now())`.execute(t.db)
    await expectConsistent()
    await assignPayment({ ctx, paymentId: id, customerId: cy.id })
    await expectConsistent()
    await sql`update payments set fiat_value = fiat_value * 1.1 where merchant_id = ${owner.merchantId}
      and asset = 'ETH'`.execute(t.db)
    await sql`update payments set fiat_value = null where id = ${id}`.execute(t.db)
    await expectConsistent()
  })

  it('follow a customer moving country, a merge and a delete', async () => {
    const res = await t.request('PATCH', `/api/v1/customers/${cy.id}`, { as: owner, body: { country: 'PT' } })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    await expectConsistent()
    const merged = await t.request('POST', `/api/v1/customers/${ada.id}/merge`, {
      as: owner,
      body: { duplicateId: bob.id },
    })
    expect(merged.status, JSON.stringify(merged.body)).toBe(200)
    await expectConsistent()
    expect((await t.request('DELETE', `/api/v1/customers/${cy.id}`, { as: owner })).status).toBe(204)
    await expectConsistent()
  })

  it('folds deltas without changing a figure, and a rebuild from scratch gives the same rollups', async () => {
    const m = owner.merchantId
    const before = await rollups(m)
    expect(
      Number(
        (
          await sql<{ n: string }>`select count(*) as n from analytics_span_days where merchant_id = ${m}
        and not merged`.execute(t.db)
        ).rows[0]?.n,
      ),
    ).toBeGreaterThan(0)
    expect(await compactRollups(t.db)).toBeGreaterThanOrEqual(1)
    const unmerged = await sql<{ n: string }>`select
        (select count(*) from analytics_payment_days where merchant_id = ${m} and not merged)
        + (select count(*) from analytics_span_days where merchant_id = ${m} and not merged) as n`.execute(
      t.db,
    )
    expect(Number(unmerged.rows[0]?.n)).toBe(0)
    expect(await rollups(m)).toEqual(before)
    await sql`select analytics_rebuild(${m}::uuid)`.execute(t.db)
    expect(await rollups(m)).toEqual(before)
    await sql`delete from payments where merchant_id = ${m} and asset = 'ETH'`.execute(t.db)
    await expectConsistent()
  })
})
