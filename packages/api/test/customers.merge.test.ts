import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { repointCustomerReferences } from '../src/modules/customers/services/merge-customers.js'
import { createCustomer, customersPath, listCustomers, setStats } from './factories.js'
import { createTestApp, type TestApp } from './harness.js'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

describe('finding duplicates', () => {
  it('groups customers by normalised email, phone digits, and name at the same company', async () => {
    const owner = await t.signup()
    const gmail1 = await createCustomer(t, owner, { name: 'J One', email: 'john.doe+shop@gmail.com' })
    const gmail2 = await createCustomer(t, owner, { name: 'J Two', email: 'JohnDoe@googlemail.com' })
    const plus1 = await createCustomer(t, owner, { name: 'M One', email: 'mary+a@corp.example' })
    const plus2 = await createCustomer(t, owner, { name: 'M Two', email: 'mary@corp.example' })
    // Dots only fold for Gmail: these two are different people.
    await createCustomer(t, owner, { email: 'a.b@corp.example' })
    await createCustomer(t, owner, { email: 'ab@corp.example' })
    const tel1 = await createCustomer(t, owner, { phone: '+351 912-345-678' })
    const tel2 = await createCustomer(t, owner, { phone: '+351912345678' })
    await createCustomer(t, owner, { phone: '12-34' })
    await createCustomer(t, owner, { phone: '1234' })
    const co1 = await createCustomer(t, owner, { name: 'Rita Lopes', company: 'Atlas SA' })
    const co2 = await createCustomer(t, owner, { name: 'rita lopes', company: 'ATLAS SA' })
    await createCustomer(t, owner, { name: 'Rita Lopes', company: 'Other SA' })
    const gone = await createCustomer(t, owner, { name: 'Rita Lopes', company: 'Atlas SA' })
    await t.request('DELETE', customersPath(gone.id), { as: owner })

    const res = await t.request('GET', `${customersPath()}/duplicates`, { as: owner })
    expect(res.status).toBe(200)
    const groups = res.body.data.map((g: { reason: string; key: string; customers: { id: string }[] }) => ({
      reason: g.reason,
      key: g.key,
      ids: g.customers.map((c) => c.id),
    }))
    const sorted = (...cs: { id: string }[]) => cs.map((c) => c.id).sort()
    expect(groups).toEqual([
      { reason: 'email', key: 'johndoe@gmail.com', ids: sorted(gmail1, gmail2) },
      { reason: 'email', key: 'mary@corp.example', ids: sorted(plus1, plus2) },
      { reason: 'phone', key: '351912345678', ids: sorted(tel1, tel2) },
      { reason: 'name_company', key: 'rita lopes / atlas sa', ids: sorted(co1, co2) },
    ])
    expect(res.body.data.map((g: { size: number }) => g.size)).toEqual([2, 2, 2, 2])
    expect(res.body.data[0].customers[0]).toHaveProperty('lifetimeValue', '0')
  })

  it('lists at most 20 customers of a large group, the oldest first, and says how many share the key', async () => {
    const owner = await t.signup()
    const ids: string[] = []
    for (let i = 0; i < 22; i++) ids.push((await createCustomer(t, owner, { phone: '+1 800 555 0199' })).id)
    const res = await t.request('GET', `${customersPath()}/duplicates`, { as: owner })
    expect(res.body.data).toHaveLength(1)
    expect(res.body.data[0]).toMatchObject({ reason: 'phone', key: '18005550199', size: 22 })
    expect(res.body.data[0].customers.map((c: { id: string }) => c.id)).toEqual(ids.slice(0, 20))
  })
})

describe('merging duplicates', () => {
  it('folds the duplicate into the kept customer and removes the duplicate', async () => {
    const owner = await t.signup()
    const kept = await createCustomer(t, owner, {
      name: 'Ana Silva',
      email: null,
      company: 'Lisbon Bikes',
      tags: ['vip', 'eu'],
      notes: 'Met at the fair.',
      customFields: { segment: 'retail', seats: 3 },
      preferredCoins: [
        { asset: 'USDT', network: 'tron' },
        { asset: 'BTC', network: 'bitcoin' },
      ],
      registrationDate: '2025-06-01',
    })
    const duplicate = await createCustomer(t, owner, {
      name: 'Ana S.',
      email: 'ana@example.com',
      customId: 'OLD-9',
      phone: '+351 912 000 000',
      company: 'Other Co',
      tags: ['eu', 'wholesale'],
      notes: 'Pays in USDC.',
      customFields: { segment: 'b2b', referrer: 'Rui' },
      preferredCoins: [
        { asset: 'USDC', network: 'solana' },
        { asset: 'BTC', network: 'bitcoin' },
      ],
      registrationDate: '2024-01-15',
    })
    await setStats(t, kept.id, {
      lifetimeValue: '100.25',
      paymentCount: 2,
      firstPaymentAt: '2025-06-02T00:00:00Z',
      lastPaymentAt: '2025-07-01T00:00:00Z',
    })
    await setStats(t, duplicate.id, {
      lifetimeValue: '0.75',
      paymentCount: 1,
      firstPaymentAt: '2024-02-01T00:00:00Z',
      lastPaymentAt: '2024-02-01T00:00:00Z',
    })

    const res = await t.request('POST', `${customersPath(kept.id)}/merge`, {
      as: owner,
      body: { duplicateId: duplicate.id },
    })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      id: kept.id,
      name: 'Ana Silva',
      email: 'ana@example.com',
      customId: 'OLD-9',
      phone: '+351 912 000 000',
      company: 'Lisbon Bikes',
      tags: ['vip', 'eu', 'wholesale'],
      notes: 'Met at the fair.\n\nMerged from Ana S.:\nPays in USDC.',
      customFields: { segment: 'retail', seats: 3, referrer: 'Rui' },
      preferredCoins: [
        { asset: 'USDT', network: 'tron' },
        { asset: 'BTC', network: 'bitcoin' },
        { asset: 'USDC', network: 'solana' },
      ],
      registrationDate: '2024-01-15',
      lifetimeValue: '101.00',
      paymentCount: 3,
      lastPaymentAt: '2025-07-01T00:00:00.000Z',
    })
    const stats = await t.db
      .selectFrom('customer_stats')
      .select(['customer_id', 'first_payment_at'])
      .where('customer_id', 'in', [kept.id, duplicate.id])
      .execute()
    expect(stats).toEqual([{ customer_id: kept.id, first_payment_at: new Date('2024-02-01T00:00:00Z') }])

    expect((await t.request('GET', customersPath(duplicate.id), { as: owner })).status).toBe(404)
    const list = await listCustomers(t, owner)
    expect(list.body.data.map((c: { id: string }) => c.id)).toEqual([kept.id])
    const row = await t.db
      .selectFrom('customers')
      .select(['merged_into_id', 'deleted_at'])
      .where('id', '=', duplicate.id)
      .executeTakeFirstOrThrow()
    expect(row.merged_into_id).toBe(kept.id)
    expect(row.deleted_at).toBeInstanceOf(Date)

    const audit = await t.request('GET', `${customersPath(kept.id)}/audit`, { as: owner })
    const merged = audit.body.data[0]
    expect(merged.action).toBe('customer.merged')
    expect(merged.data.duplicateId).toBe(duplicate.id)
    expect(merged.data.duplicate).toMatchObject({
      name: 'Ana S.',
      email: 'ana@example.com',
      notes: 'Pays in USDC.',
    })
    expect(merged.data.filled).toEqual(expect.arrayContaining(['email', 'customId', 'phone']))
  })

  it('keeps the kept customer’s notes when the duplicate has none, and takes the duplicate’s when it has none', async () => {
    const owner = await t.signup()
    const a = await createCustomer(t, owner, { notes: 'Only mine.' })
    const b = await createCustomer(t, owner)
    expect(
      (await t.request('POST', `${customersPath(a.id)}/merge`, { as: owner, body: { duplicateId: b.id } }))
        .body.notes,
    ).toBe('Only mine.')
    const c = await createCustomer(t, owner)
    const d = await createCustomer(t, owner, { name: 'Dee', notes: 'Theirs.' })
    expect(
      (await t.request('POST', `${customersPath(c.id)}/merge`, { as: owner, body: { duplicateId: d.id } }))
        .body.notes,
    ).toBe('Merged from Dee:\nTheirs.')
  })

  it('re-points customers merged earlier into the duplicate at the customer that absorbs it', async () => {
    const owner = await t.signup()
    const [a, b, c] = [
      await createCustomer(t, owner),
      await createCustomer(t, owner),
      await createCustomer(t, owner),
    ]
    await t.request('POST', `${customersPath(b.id)}/merge`, { as: owner, body: { duplicateId: a.id } })
    await t.request('POST', `${customersPath(c.id)}/merge`, { as: owner, body: { duplicateId: b.id } })
    const rows = await t.db
      .selectFrom('customers')
      .select(['id', 'merged_into_id'])
      .where('id', 'in', [a.id, b.id])
      .orderBy('id')
      .execute()
    expect(rows).toEqual([
      { id: a.id, merged_into_id: c.id },
      { id: b.id, merged_into_id: c.id },
    ])
  })

  it('resolves merges crossing in opposite directions without a deadlock: exactly one wins', async () => {
    const owner = await t.signup()
    const a = await createCustomer(t, owner)
    const b = await createCustomer(t, owner)
    const results = await Promise.all([
      t.request('POST', `${customersPath(a.id)}/merge`, { as: owner, body: { duplicateId: b.id } }),
      t.request('POST', `${customersPath(b.id)}/merge`, { as: owner, body: { duplicateId: a.id } }),
    ])
    expect(results.map((r) => r.status).sort()).toEqual([200, 404])
    expect((await listCustomers(t, owner)).body.data).toHaveLength(1)
  })
})

describe('what is attached to a merged customer', () => {
  it('moves rows of any listed table from the duplicate to the kept customer, within the merchant', async () => {
    const owner = await t.signup()
    const other = await t.signup()
    const [kept, duplicate] = [await createCustomer(t, owner), await createCustomer(t, owner)]
    const table = `merge_probe_${randomUUID().replaceAll('-', '')}`
    await sql`create table ${sql.table(table)} (id int, merchant_id uuid, customer_id uuid)`.execute(t.db)
    try {
      await sql`insert into ${sql.table(table)} values
        (1, ${owner.merchantId}, ${duplicate.id}), (2, ${owner.merchantId}, ${kept.id}),
        (3, ${other.merchantId}, ${duplicate.id})`.execute(t.db)
      await repointCustomerReferences(t.db, owner.merchantId, { from: duplicate.id, to: kept.id }, [
        { table, column: 'customer_id' },
      ])
      const { rows } = await sql<{ id: number; customer_id: string }>`
        select id, customer_id from ${sql.table(table)} order by id`.execute(t.db)
      expect(rows).toEqual([
        { id: 1, customer_id: kept.id },
        { id: 2, customer_id: kept.id },
        { id: 3, customer_id: duplicate.id },
      ])
    } finally {
      await sql`drop table ${sql.table(table)}`.execute(t.db)
    }
  })
})

describe('merging keeps everything that belongs to the customer', () => {
  /** Every column that references a customer, and how a merge treats it. */
  const handled: Record<string, string> = {
    'customers.merged_into_id': 're-pointed',
    'deposit_targets.customer_id': 're-pointed',
    'payments.customer_id': 're-pointed',
    'invoices.customer_id': 're-pointed',
    'customer_credit_entries.customer_id': 're-pointed',
    'subscriptions.customer_id': 're-pointed',
    'installment_plans.customer_id': 're-pointed',
    'messages.customer_id': 're-pointed',
    'customer_preferences.customer_id': 'merged coin lists',
    'customer_stats.customer_id': 'folded',
    'customer_asset_stats.customer_id': 'recomputed from the payments',
    'payer_wallets.customer_id': 'merged (mergePaymentMethods)',
    'refund_addresses.customer_id': 'merged (mergePaymentMethods)',
    'message_opt_outs.customer_id': 'union',
    'reminder_policies.customer_id': 'kept customer’s wins',
    'portal_tokens.customer_id': 'the duplicate’s deleted',
    'portal_sessions.customer_id': 'the duplicate’s deleted',
    'payment_details_requests.customer_id': 'kept customer’s wins',
    'payment_link_sessions.customer_id': 're-pointed',
    'customer_avatars.customer_id': 'kept customer’s wins',
    'analytics_customer_spans.customer_id': 'recomputed from the moved payments (rollup triggers)',
  }

  it('has a rule for every column that references a customer (a new table must choose one)', async () => {
    const { rows } = await sql<{ ref: string }>`
      select kcu.table_name || '.' || kcu.column_name as ref
      from information_schema.table_constraints tc
      join information_schema.key_column_usage kcu
        on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
      join information_schema.constraint_column_usage ccu
        on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
      where tc.constraint_type = 'FOREIGN KEY' and ccu.table_name = 'customers' and tc.table_schema = 'public'
      order by 1`.execute(t.db)
    const unhandled = rows.map((r) => r.ref).filter((ref) => !(ref in handled))
    expect(unhandled).toEqual([])
  })

  it('moves the duplicate’s invoices, wallets and refund addresses to the kept customer', async () => {
    const owner = await t.signup()
    const kept = await createCustomer(t, owner, { name: 'Kept', email: 'kept@merge.test' })
    const duplicate = await createCustomer(t, owner, { name: 'Dup', email: 'dup@merge.test' })
    const wallet = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed'
    for (const c of [kept, duplicate]) {
      const res = await t.request('POST', `${customersPath(c.id)}/wallets`, {
        as: owner,
        body: {
          network: 'ethereum',
          address: wallet,
          ...(c.id === kept.id ? {} : { label: 'Dup’s Ledger' }),
        },
      })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
    }
    const tron = await t.request('PUT', `${customersPath(duplicate.id)}/refund-addresses/tron`, {
      as: owner,
      body: { address: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t' },
    })
    expect(tron.status, JSON.stringify(tron.body)).toBeLessThan(300)
    const invoice = await t.request('POST', '/api/v1/invoices', {
      as: owner,
      body: {
        customerId: duplicate.id,
        currency: 'USD',
        lines: [{ description: 'x', quantity: 1, unitAmount: '5' }],
      },
    })
    expect(invoice.status, JSON.stringify(invoice.body)).toBe(201)

    const merged = await t.request('POST', `${customersPath(kept.id)}/merge`, {
      as: owner,
      body: { duplicateId: duplicate.id },
    })
    expect(merged.status, JSON.stringify(merged.body)).toBe(200)

    const invoices = await t.request('GET', `/api/v1/invoices?customerId=${kept.id}`, { as: owner })
    expect(invoices.body.data.map((i: { id: string }) => i.id)).toContain(invoice.body.id)
    const wallets = await t.request('GET', `${customersPath(kept.id)}/wallets`, { as: owner })
    expect(wallets.body.data).toHaveLength(1)
    // Known for these two only, it is no longer shared once they are one customer.
    expect(wallets.body.data[0]).toMatchObject({ address: wallet, shared: false, label: 'Dup’s Ledger' })
    const refunds = await t.request('GET', `${customersPath(kept.id)}/refund-addresses`, { as: owner })
    expect(refunds.body.data.map((r: { network: string }) => r.network)).toEqual(['tron'])
  })
})
