import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { createCustomer, setStats } from './factories.js'
import type { Session, TestApp } from './harness.js'

/** A deterministic PRNG (mulberry32): the same fixture every run. */
export function prng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T
  const some = <T>(xs: readonly T[]): T[] => xs.filter(() => next() < 0.4)
  return { next, pick, some }
}

export const DAY = 86_400_000

/** What the fixture gave each customer: the in-memory side of the comparison. */
export interface FixtureCustomer {
  id: string
  name: string
  email: string | null
  company: string | null
  country: string | null
  timezone: string | null
  status: string
  type: string
  tier: string | null
  tags: string[]
  customFields: Record<string, string | number | boolean | null>
  preferredCoins: { asset: string; network: string }[]
  paymentTermsDays: number | null
  registrationDate: string
  lifetimeValue: number
  paymentCount: number
  firstPaymentAt: Date | null
  lastPaymentAt: Date | null
  activeSubscription: boolean
  /** Paid invoices: days paid before the due date (negative: late). */
  paidInvoices: number[]
}

const COUNTRIES = ['PT', 'ES', 'US', 'JP', null] as const
const ZONES = ['Europe/Lisbon', 'Europe/Madrid', 'America/New_York', 'Asia/Tokyo', null] as const
const TAGS = ['vip', 'wholesale', 'beta', '50%_off'] as const
const COINS = [
  { asset: 'USDT', network: 'tron' },
  { asset: 'USDT', network: 'ethereum' },
  { asset: 'BTC', network: 'bitcoin' },
  { asset: 'SOL', network: 'solana' },
] as const

/**
 * `n` customers for a merchant with every field the rules use varied (and empty), their stats, a few
 * subscriptions and paid invoices, written through the API where it can and straight into the tables
 * for what payments and billing would write.
 */
export async function buildFixture(
  t: TestApp,
  as: Session,
  now: Date,
  n: number,
  seed = 7,
): Promise<FixtureCustomer[]> {
  const r = prng(seed)
  const out: FixtureCustomer[] = []
  const plan = randomUUID()
  await sql`insert into plans (id, merchant_id, name, amount, currency, interval)
    values (${plan}, ${as.merchantId}, 'Monthly', 10, 'USD', 'month')`.execute(t.db)
  for (let i = 0; i < n; i++) {
    const tag = randomUUID().slice(0, 6)
    const name = `${r.pick(['Ada', 'Bob', 'Cé', 'Dora', 'Eve'])} ${r.pick(['Lovelace', 'Stone', "O'Hara", '100% Co'])} ${tag}`
    const input = {
      name,
      email: r.next() < 0.8 ? `c${i}-${tag}@${r.pick(['example.com', 'shop.pt'])}` : null,
      company: r.next() < 0.5 ? r.pick(['Acme', 'Initech', 'Umbrella']) : null,
      country: r.pick(COUNTRIES),
      timezone: r.pick(ZONES),
      status: r.pick(['active', 'active', 'inactive', 'suspended']),
      type: r.pick(['individual', 'business', 'organization']),
      tier: r.pick(['bronze', 'gold', 'platinum', null]),
      tags: r.some(TAGS),
      customFields: Object.fromEntries(
        [
          ['plan', r.pick(['pro', 'free', 'Pro Max'])],
          ['seats', r.pick([1, 5, 12, 40])],
          ['flagged', r.pick([true, false])],
          ['ref', r.pick(['x', null])],
        ].filter(() => r.next() < 0.7),
      ),
      preferredCoins: r.some(COINS),
      paymentTermsDays: r.pick([null, 0, 14, 30]),
      registrationDate: new Date(now.getTime() - Math.floor(r.next() * 400) * DAY).toISOString().slice(0, 10),
    }
    const created = await createCustomer(t, as, input)
    const paymentCount = r.pick([0, 0, 1, 2, 3, 5, 8])
    // Whole cents, a few ties; spans of a few days to a year, last payments up to a year ago.
    const lifetimeValue = paymentCount === 0 ? 0 : r.pick([5, 25, 25, 120, 480, 999.99, 2500, 10000])
    const last =
      paymentCount === 0 ? null : new Date(now.getTime() - Math.floor(r.next() * 360 * 24 + 1) * 3_600_000)
    const first =
      last === null
        ? null
        : paymentCount === 1
          ? last
          : new Date(last.getTime() - Math.floor(r.next() * 200 + 1) * DAY)
    if (paymentCount > 0)
      await setStats(t, created.id, {
        lifetimeValue: lifetimeValue.toFixed(2),
        paymentCount,
        firstPaymentAt: first?.toISOString(),
        lastPaymentAt: last?.toISOString(),
      })
    const activeSubscription = r.next() < 0.25
    if (activeSubscription || r.next() < 0.1) {
      const status = activeSubscription ? r.pick(['active', 'trialing', 'past_due']) : 'canceled'
      await sql`insert into subscriptions (id, merchant_id, customer_id, plan_id, status, start_date, anchor_date, next_period_start)
        values (${randomUUID()}, ${as.merchantId}, ${created.id}, ${plan}, ${status}, '2026-01-01', '2026-01-01', '2026-02-01')`.execute(
        t.db,
      )
    }
    const paidInvoices =
      r.next() < 0.5
        ? Array.from({ length: 1 + Math.floor(r.next() * 4) }, () => r.pick([-10, -1, 0, 2, 5]))
        : []
    for (const [k, early] of paidInvoices.entries()) {
      const due = new Date(now.getTime() - 30 * DAY)
      const paid = new Date(due.getTime() - early * DAY + 3_600_000)
      await sql`insert into invoices (id, merchant_id, customer_id, number, status, currency, subtotal, tax_total, total, amount_paid,
          issue_date, due_date, paid_late, paid_at)
        values (${randomUUID()}, ${as.merchantId}, ${created.id}, ${`S-${tag}-${k}`}, 'paid', 'USD', 10, 0, 10, 10,
          ${due.toISOString().slice(0, 10)}, ${due.toISOString().slice(0, 10)}, ${early < 0}, ${paid.toISOString()})`.execute(
        t.db,
      )
    }
    out.push({
      id: created.id,
      ...input,
      customFields: input.customFields as FixtureCustomer['customFields'],
      preferredCoins: [...input.preferredCoins],
      tags: created.tags,
      lifetimeValue,
      paymentCount,
      firstPaymentAt: first,
      lastPaymentAt: last,
      activeSubscription,
      paidInvoices,
    })
  }
  return out
}
