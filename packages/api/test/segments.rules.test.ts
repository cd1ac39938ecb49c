import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type Session, type TestApp } from './harness.js'
import { buildFixture, DAY, type FixtureCustomer, prng } from './segments.js'

/**
 * Segment rules against an independent in-memory evaluation of the same fixture: every rule's count
 * and members from the API must equal what this file's own evaluator says.
 */

const NOW = new Date('2026-06-15T12:00:00Z')
let t: TestApp
let owner: Session
let other: Session
let fixture: FixtureCustomer[]

beforeAll(async () => {
  t = await createTestApp({ env: { SEGMENT_COUNT_CACHE_SECONDS: '0' } })
  t.clock.set(NOW)
  owner = await t.signup()
  other = await t.signup()
  fixture = await buildFixture(t, owner, NOW, 60)
  // Another merchant whose customers would match every rule: none may ever show up.
  await buildFixture(t, other, NOW, 15, 99)
}, 120_000)
afterAll(() => t.close())

type Cond = { field: string; op: string; value?: unknown }
type Node = { all: Node[] } | { any: Node[] } | Cond

// ---- the independent evaluator ----------------------------------------------------------------

const day = (d: Date) => d.toISOString().slice(0, 10)

function fieldValue(c: FixtureCustomer, field: string): unknown {
  if (field.startsWith('custom.')) return c.customFields[field.slice(7)]
  switch (field) {
    case 'timezoneRegion':
      return c.timezone ? c.timezone.split('/')[0] : null
    case 'latePaidShare':
      return c.paidInvoices.length ? c.paidInvoices.filter((e) => e < 0).length / c.paidInvoices.length : null
    case 'avgDaysBeforeDue':
      return c.paidInvoices.length ? c.paidInvoices.reduce((a, b) => a + b, 0) / c.paidInvoices.length : null
    case 'avgIntervalDays':
      return c.paymentCount >= 2 && c.firstPaymentAt && c.lastPaymentAt
        ? (c.lastPaymentAt.getTime() - c.firstPaymentAt.getTime()) / DAY / (c.paymentCount - 1)
        : null
    default:
      return (c as unknown as Record<string, unknown>)[field] ?? null
  }
}

const kinds: Record<
  string,
  'text' | 'exact' | 'number' | 'date' | 'time' | 'tags' | 'coins' | 'bool' | 'custom'
> = {
  name: 'text',
  email: 'text',
  company: 'text',
  country: 'exact',
  timezone: 'exact',
  timezoneRegion: 'exact',
  status: 'exact',
  type: 'exact',
  tier: 'exact',
  tags: 'tags',
  preferredCoins: 'coins',
  paymentTermsDays: 'number',
  registrationDate: 'date',
  lifetimeValue: 'number',
  paymentCount: 'number',
  avgIntervalDays: 'number',
  latePaidShare: 'number',
  avgDaysBeforeDue: 'number',
  firstPaymentAt: 'time',
  lastPaymentAt: 'time',
  activeSubscription: 'bool',
}

function positive(kind: string, x: unknown, op: string, v: unknown): boolean {
  const missing = x === null || x === undefined
  if (op === 'exists') return kind === 'tags' || kind === 'coins' ? (x as unknown[]).length > 0 : !missing
  if (kind === 'tags') {
    const tags = x as string[]
    return op === 'contains' ? tags.includes(v as string) : (v as string[]).some((s) => tags.includes(s))
  }
  if (kind === 'coins') {
    const coins = x as { asset: string; network: string }[]
    const has = (s: string) => {
      const [asset, network] = s.split('/')
      return coins.some((p) => p.asset === asset && (!network || p.network === network))
    }
    return op === 'contains' ? has(v as string) : (v as string[]).some(has)
  }
  if (missing) return false
  if (op === 'withinLast') {
    if (kind === 'date')
      return (x as string) >= day(new Date(NOW.getTime() - (v as number) * DAY)) && (x as string) <= day(NOW)
    const ms = (x as Date).getTime()
    return ms >= NOW.getTime() - (v as number) * DAY && ms <= NOW.getTime()
  }
  if (kind === 'custom') {
    if (op === 'eq') return JSON.stringify(x) === JSON.stringify(v)
    if (op === 'in') return (v as unknown[]).some((w) => JSON.stringify(x) === JSON.stringify(w))
    if (op === 'contains')
      return typeof x === 'string' && x.toLowerCase().includes((v as string).toLowerCase())
    if (typeof x !== 'number') return false
    return compare(x, op, v, Number)
  }
  if (kind === 'text') {
    const s = (x as string).toLowerCase()
    if (op === 'eq') return s === (v as string).toLowerCase()
    if (op === 'in') return (v as string[]).some((w) => w.toLowerCase() === s)
    return s.includes((v as string).toLowerCase())
  }
  if (kind === 'exact' || kind === 'bool') return op === 'eq' ? x === v : (v as unknown[]).includes(x)
  if (kind === 'number') return compare(Number(x), op, v, Number)
  if (kind === 'date') return compare(x as string, op, v, String)
  return compare((x as Date).getTime(), op, v, (s) => new Date(s as string).getTime())
}

function compare<T>(x: T, op: string, v: unknown, read: (s: unknown) => T): boolean {
  if (op === 'between') {
    const [a, b] = v as unknown[]
    return x >= read(a) && x <= read(b)
  }
  const w = read(v)
  return op === 'eq' ? x === w : op === 'gt' ? x > w : op === 'gte' ? x >= w : op === 'lt' ? x < w : x <= w
}

const complement: Record<string, string> = { neq: 'eq', notIn: 'in', notWithinLast: 'withinLast' }

function evaluate(c: FixtureCustomer, node: Node): boolean {
  if ('all' in node) return node.all.every((n) => evaluate(c, n))
  if ('any' in node) return node.any.some((n) => evaluate(c, n))
  const kind = node.field.startsWith('custom.') ? 'custom' : (kinds[node.field] as string)
  const x = fieldValue(c, node.field)
  if (node.op === 'exists' && node.value === false) return !positive(kind, x, 'exists', true)
  const base = complement[node.op]
  return base ? !positive(kind, x, base, node.value) : positive(kind, x, node.op, node.value)
}

// ---- random rules over the fixture's values -----------------------------------------------------

function randomCondition(r: ReturnType<typeof prng>): Cond {
  const iso = (daysAgo: number) => new Date(NOW.getTime() - daysAgo * DAY).toISOString()
  const gens: (() => Cond)[] = [
    () => ({
      field: 'name',
      op: r.pick(['contains', 'eq', 'neq']),
      value: r.pick(['ada', "O'Hara", '100%', '_', 'EVE']),
    }),
    () => ({
      field: 'email',
      op: r.pick(['contains', 'exists', 'notIn']),
      value: r.pick(['shop.pt', '@example.com']),
    }),
    () => ({
      field: 'company',
      op: r.pick(['in', 'notIn', 'eq', 'neq']),
      value: r.pick([['acme', 'Initech'], 'Umbrella']),
    }),
    () => ({
      field: 'country',
      op: r.pick(['eq', 'neq', 'in', 'notIn', 'exists']),
      value: r.pick(['PT', ['ES', 'US'], 'JP']),
    }),
    () => ({
      field: 'timezoneRegion',
      op: r.pick(['eq', 'neq']),
      value: r.pick(['Europe', 'America', 'Asia']),
    }),
    () => ({
      field: 'status',
      op: r.pick(['eq', 'neq', 'in']),
      value: r.pick(['active', ['inactive', 'suspended']]),
    }),
    () => ({
      field: 'tier',
      op: r.pick(['eq', 'neq', 'exists', 'notIn']),
      value: r.pick(['gold', ['bronze', 'platinum']]),
    }),
    () => ({
      field: 'type',
      op: r.pick(['eq', 'in', 'notIn']),
      value: r.pick(['business', ['individual', 'organization']]),
    }),
    () => ({
      field: 'tags',
      op: r.pick(['contains', 'in', 'notIn', 'exists']),
      value: r.pick(['vip', ['beta', '50%_off'], 'wholesale']),
    }),
    () => ({
      field: 'preferredCoins',
      op: r.pick(['contains', 'in', 'notIn', 'exists']),
      value: r.pick(['USDT', 'USDT/tron', ['BTC', 'SOL/solana']]),
    }),
    () => ({
      field: 'custom.plan',
      op: r.pick(['eq', 'neq', 'contains', 'exists', 'in']),
      value: r.pick(['pro', 'Pro Max', ['free', 'pro']]),
    }),
    () => ({
      field: 'custom.seats',
      op: r.pick(['gt', 'lte', 'between', 'eq', 'neq']),
      value: r.pick(['5', '12', ['2', '12']]),
    }),
    () => ({ field: 'custom.flagged', op: r.pick(['eq', 'neq', 'exists']), value: r.pick([true, false]) }),
    () => ({ field: 'custom.ref', op: r.pick(['exists', 'eq']), value: r.pick([true, false, 'x']) }),
    () => ({
      field: 'paymentTermsDays',
      op: r.pick(['gte', 'lt', 'exists', 'eq', 'neq']),
      value: r.pick(['0', '14', '30']),
    }),
    () => ({
      field: 'registrationDate',
      op: r.pick(['gte', 'lt', 'withinLast', 'notWithinLast', 'between']),
      value: r.pick([90, 200, '2026-01-01', ['2025-12-01', '2026-03-31']]),
    }),
    () => ({
      field: 'lifetimeValue',
      op: r.pick(['gt', 'gte', 'lt', 'lte', 'eq', 'neq', 'between']),
      value: r.pick(['0', '25', '120', '999.99', ['25', '2500'], '-1']),
    }),
    () => ({ field: 'paymentCount', op: r.pick(['gte', 'eq', 'lt', 'neq']), value: r.pick(['0', '1', '3']) }),
    () => ({
      field: 'lastPaymentAt',
      op: r.pick(['withinLast', 'notWithinLast', 'exists', 'gt', 'between']),
      value: r.pick([30, 90, 365, iso(60), [iso(200), iso(20)]]),
    }),
    () => ({
      field: 'firstPaymentAt',
      op: r.pick(['withinLast', 'notWithinLast', 'lt', 'exists']),
      value: r.pick([30, 120, iso(100)]),
    }),
    () => ({ field: 'activeSubscription', op: 'eq', value: r.pick([true, false]) }),
    () => ({
      field: 'latePaidShare',
      op: r.pick(['gte', 'lt', 'exists', 'neq']),
      value: r.pick(['0.3', '0.5', '0']),
    }),
    () => ({
      field: 'avgDaysBeforeDue',
      op: r.pick(['gte', 'lt', 'between']),
      value: r.pick(['2', '0', ['-1', '3']]),
    }),
    () => ({ field: 'avgIntervalDays', op: r.pick(['gt', 'lte', 'exists']), value: r.pick(['10', '60']) }),
  ]
  const picked = r.pick(gens)()
  // Days on a date field, outside withinLast, mean that many days ago.
  const asDate = (v: unknown) => {
    if (typeof v !== 'number') return v
    const at = new Date(NOW.getTime() - v * DAY)
    return picked.field === 'registrationDate' ? at.toISOString().slice(0, 10) : at.toISOString()
  }
  const dated = ['registrationDate', 'firstPaymentAt', 'lastPaymentAt'].includes(picked.field)
  const cond =
    dated && picked.op !== 'withinLast' && picked.op !== 'notWithinLast'
      ? { ...picked, value: Array.isArray(picked.value) ? picked.value.map(asDate) : asDate(picked.value) }
      : picked
  // Fit the value to the op: lists for in/notIn, one value otherwise, nothing (or a boolean) for exists.
  if (cond.op === 'exists')
    return r.next() < 0.5 ? { field: cond.field, op: 'exists' } : { ...cond, value: r.next() < 0.5 }
  if (cond.op === 'in' || cond.op === 'notIn')
    return { ...cond, value: Array.isArray(cond.value) ? cond.value : [cond.value] }
  if (cond.op === 'between')
    return { ...cond, value: Array.isArray(cond.value) ? cond.value : [cond.value, cond.value] }
  if (cond.op === 'withinLast' || cond.op === 'notWithinLast')
    return { ...cond, value: typeof cond.value === 'number' ? cond.value : 45 }
  if (Array.isArray(cond.value)) return { ...cond, value: cond.value[0] }
  if (typeof cond.value === 'number')
    return {
      ...cond,
      value:
        cond.field === 'registrationDate'
          ? '2026-02-01'
          : cond.field.endsWith('PaymentAt')
            ? new Date(NOW.getTime() - cond.value * DAY).toISOString()
            : String(cond.value),
    }
  if (
    typeof cond.value === 'boolean' &&
    !['activeSubscription', 'custom.flagged', 'custom.ref'].includes(cond.field)
  )
    return { ...cond, value: 'x' }
  return cond
}

function randomRule(r: ReturnType<typeof prng>, depth = 1): Node {
  const size = 1 + Math.floor(r.next() * 3)
  const items = Array.from({ length: size }, () =>
    depth < 3 && r.next() < 0.25 ? randomRule(r, depth + 1) : randomCondition(r),
  )
  return r.next() < 0.5 ? { all: items } : { any: items }
}

async function preview(rule: Node, as = owner) {
  const res = await t.request('POST', '/api/v1/segments/preview', { as, body: { rule, limit: 100 } })
  if (res.status !== 200)
    throw new Error(`preview ${JSON.stringify(rule)}: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body as { count: number; data: { id: string }[] }
}

describe('segment rules match an independent evaluation', () => {
  it('every field and op: 150 random rules give the same count and members as the in-memory evaluator', async () => {
    const r = prng(2026)
    let nonTrivial = 0
    for (let i = 0; i < 150; i++) {
      const rule = randomRule(r)
      const expected = fixture
        .filter((c) => evaluate(c, rule))
        .map((c) => c.id)
        .sort()
      const got = await preview(rule)
      expect({ rule, count: got.count }).toEqual({ rule, count: expected.length })
      expect(got.data.map((c) => c.id).sort()).toEqual(expected)
      if (expected.length > 0 && expected.length < fixture.length) nonTrivial++
    }
    // The random rules are not all empty or all-matching: the comparison means something.
    expect(nonTrivial).toBeGreaterThan(60)
  }, 120_000)

  it('an empty all matches every live customer of the merchant and none of another merchant', async () => {
    expect((await preview({ all: [] })).count).toBe(fixture.length)
    expect((await preview({ any: [] })).count).toBe(0)
  })

  it('a saved segment filters the customer list and counts the same', async () => {
    const rule = {
      all: [
        { field: 'lifetimeValue', op: 'gte', value: '120' },
        { field: 'status', op: 'eq', value: 'active' },
      ],
    }
    const seg = await t.request('POST', '/api/v1/segments', {
      as: owner,
      body: { name: 'Active big spenders', rule },
    })
    expect(seg.status).toBe(201)
    const expected = fixture
      .filter((c) => evaluate(c, rule as Node))
      .map((c) => c.id)
      .sort()
    const ids: string[] = []
    let cursor: string | null = null
    do {
      const qs = new URLSearchParams({ segmentId: seg.body.id, limit: '7', ...(cursor ? { cursor } : {}) })
      const page = await t.request('GET', `/api/v1/customers?${qs}`, { as: owner })
      expect(page.status).toBe(200)
      ids.push(...page.body.data.map((c: { id: string }) => c.id))
      cursor = page.body.nextCursor
    } while (cursor)
    expect(ids.sort()).toEqual(expected)
    const count = await t.request('GET', `/api/v1/segments/${seg.body.id}/count`, { as: owner })
    expect(count.body).toMatchObject({ count: expected.length })
    // Another merchant cannot use it.
    const theirs = await t.request('GET', `/api/v1/customers?segmentId=${seg.body.id}`, { as: other })
    expect(theirs.status).toBe(404)
  })

  it('the customer export writes exactly the segment’s customers', async () => {
    const rule = { all: [{ field: 'tags', op: 'contains', value: 'vip' }] }
    const seg = await t.request('POST', '/api/v1/segments', { as: owner, body: { name: 'Tagged VIP', rule } })
    const res = await t.request('GET', `/api/v1/customers/export.jsonl?segmentId=${seg.body.id}`, {
      as: owner,
    })
    expect(res.status).toBe(200)
    const lines = String(res.body).trim().split('\n').filter(Boolean)
    const ids = lines.map((l) => JSON.parse(l).id).sort()
    expect(ids).toEqual(
      fixture
        .filter((c) => c.tags.includes('vip'))
        .map((c) => c.id)
        .sort(),
    )
  })
})

describe('rules are parameters, never SQL', () => {
  const hostile = [
    "'; drop table customers; --",
    "x' or '1'='1",
    '%',
    '_',
    '\\',
    '$1',
    "Robert'); DELETE FROM customers WHERE ('1'='1",
  ]

  it('hostile values match literally (nothing, or the one customer who has that text) and break nothing', async () => {
    for (const value of hostile) {
      for (const field of ['name', 'email', 'custom.plan']) {
        for (const op of ['eq', 'contains']) {
          const rule = { all: [{ field, op, value }] }
          const got = await preview(rule)
          expect(got.count).toBe(fixture.filter((c) => evaluate(c, rule as Node)).length)
        }
      }
      expect((await preview({ all: [{ field: 'tags', op: 'in', value: [value] }] })).count).toBe(0)
    }
    // '%' and '_' match only themselves: the fixture has names with "100%" and tags with "50%_off".
    expect((await preview({ all: [{ field: 'name', op: 'contains', value: '%' }] })).count).toBe(
      fixture.filter((c) => c.name.includes('%')).length,
    )
    const left = await sql<{
      n: string
    }>`select count(*) as n from customers where merchant_id = ${owner.merchantId}`.execute(t.db)
    expect(Number(left.rows[0]?.n)).toBe(fixture.length)
  })

  it('a field name that is not on the allow-list is a 422 naming it, whatever it holds', async () => {
    for (const field of [
      'name; drop table customers',
      'c.merchant_id',
      'id) or (1=1',
      'merchant_id',
      '__proto__',
      'constructor',
    ]) {
      const res = await t.request('POST', '/api/v1/segments/preview', {
        as: owner,
        body: {
          rule: {
            all: [
              { field: 'country', op: 'eq', value: 'PT' },
              { field, op: 'eq', value: 'x' },
            ],
          },
        },
      })
      expect(res.status).toBe(422)
      expect(res.body.errors[0].path).toBe('rule.all[1].field')
    }
  })

  it('a custom field key is a parameter: hostile keys simply have no value', async () => {
    const got = await preview({ all: [{ field: "custom.x') or true or ('", op: 'exists' }] })
    expect(got.count).toBe(0)
    const none = await preview({ all: [{ field: "custom.plan' --", op: 'exists', value: false }] })
    expect(none.count).toBe(fixture.length)
  })
})

describe('invalid rules', () => {
  const cases: [unknown, string][] = [
    [
      {
        all: [
          { field: 'country', op: 'eq', value: 'PT' },
          { field: 'tags', op: 'eq', value: 'x' },
          { field: 'name', op: 'gt', value: 'a' },
        ],
      },
      'rule.all[1].op',
    ],
    [{ all: [{ any: [{ field: 'lifetimeValue', op: 'gt', value: 'lots' }] }] }, 'rule.all[0].any[0].value'],
    [{ any: [{ field: 'status', op: 'in', value: ['active', 'gone'] }] }, 'rule.any[0].value[1]'],
    [{ all: [{ field: 'name', op: 'exists' }] }, 'rule.all[0].op'],
    [{ all: [{ field: 'lastPaymentAt', op: 'withinLast', value: 1.5 }] }, 'rule.all[0].value'],
    [{ all: [{ field: 'country', op: 'eq', value: 'PT', extra: 1 }] }, 'rule.all[0].extra'],
    [{ all: [{ field: 'lifetimeValue', op: 'between', value: ['1'] }] }, 'rule.all[0].value'],
    [
      { all: [{ all: [{ all: [{ all: [{ all: [{ all: [] }] }] }] }] }] },
      'rule.all[0].all[0].all[0].all[0].all[0]',
    ],
    [{ both: [] }, 'rule'],
    [[], 'rule'],
  ]
  it.each(cases)('%j is a 422 naming %s', async (rule, path) => {
    const res = await t.request('POST', '/api/v1/segments/preview', { as: owner, body: { rule } })
    expect(res.status).toBe(422)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path)
  })

  it('saving an invalid rule is a 422 too, and nothing is saved', async () => {
    const res = await t.request('POST', '/api/v1/segments', {
      as: owner,
      body: { name: 'Broken', rule: { all: [{ field: 'nope', op: 'eq', value: 1 }] } },
    })
    expect(res.status).toBe(422)
    const list = await t.request('GET', '/api/v1/segments', { as: owner })
    expect(list.body.data.map((s: { name: string }) => s.name)).not.toContain('Broken')
  })
})
