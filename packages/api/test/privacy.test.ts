import { randomUUID } from 'node:crypto'
import { strFromU8, unzipSync } from 'fflate'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { attachAddress, pay, payInvoice } from './analytics.js'
import { createCustomer, customersPath } from './factories.js'
import { createTestApp, type Session, type TestApp } from './harness.js'
import { createInvoice, sendInvoice } from './invoices.js'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

/** GET a binary download as bytes (the harness's request reads text). */
async function download(path: string, as: Session) {
  const res = await t.app.request(path, { headers: as.headers })
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) }
}

/** A customer with a profile, a paid invoice, an on-chain payment, a wallet, a refund address and a message. */
async function customerWithHistory(owner: Session) {
  const customer = await createCustomer(t, owner, {
    name: 'Marta Ribeiro',
    email: 'marta@privacy.test',
    phone: '+351 912 111 222',
    company: 'Ribeiro Lda',
    country: 'PT',
    notes: '=HYPERLINK("http://evil")',
    billingAddress: { line1: 'Rua Augusta 1', city: 'Lisboa', country: 'PT' },
    tags: ['vip'],
  })
  const address = await attachAddress(t, owner, customer.id)
  await pay(t, address, { asset: 'ETH', amount: 10n ** 17n, at: '2026-01-10T10:00:00Z' })
  const invoice = await createInvoice(t, owner, customer.id, { currency: 'USD' })
  await sendInvoice(t, owner, invoice.id)
  await payInvoice(t, owner, invoice.id, '100.00')
  const wallet = await t.request('POST', `${customersPath(customer.id)}/wallets`, {
    as: owner,
    body: {
      network: 'ethereum',
      address: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
      label: 'Marta’s Ledger',
    },
  })
  expect(wallet.status, JSON.stringify(wallet.body)).toBe(201)
  const refund = await t.request('PUT', `${customersPath(customer.id)}/refund-addresses/tron`, {
    as: owner,
    body: { address: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t' },
  })
  expect(refund.status, JSON.stringify(refund.body)).toBeLessThan(300)
  const message = await t.request('POST', `${customersPath(customer.id)}/messages`, {
    as: owner,
    body: { subject: 'Hello Marta', text: 'Your order ships Monday.' },
  })
  expect(message.status, JSON.stringify(message.body)).toBeLessThan(300)
  return { customer, invoice }
}

describe('privacy export', () => {
  it('downloads one zip with the profile as JSON and the payments, invoices and messages as CSV', async () => {
    const owner = await t.signup()
    const { customer, invoice } = await customerWithHistory(owner)
    const other = await createCustomer(t, owner, { name: 'Someone Else', email: 'else@privacy.test' })

    const res = await download(`${customersPath(customer.id)}/privacy-export`, owner)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/zip')
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="customer-.*\.zip"$/)
    const files = unzipSync(res.bytes)
    expect(Object.keys(files).sort()).toEqual([
      'customer.json',
      'invoices.csv',
      'messages.csv',
      'payments.csv',
    ])

    const doc = JSON.parse(strFromU8(files['customer.json'] as Uint8Array))
    expect(doc.customer).toMatchObject({
      id: customer.id,
      name: 'Marta Ribeiro',
      email: 'marta@privacy.test',
      phone: '+351 912 111 222',
      paymentCount: 1,
    })
    expect(doc.addresses.billing).toEqual({ line1: 'Rua Augusta 1', city: 'Lisboa', country: 'PT' })
    expect(doc.notes).toBe('=HYPERLINK("http://evil")')
    expect(doc.paymentMethods.wallets).toContainEqual(expect.objectContaining({ label: 'Marta’s Ledger' }))
    expect(doc.paymentMethods.refundAddresses).toHaveLength(1)
    expect(doc.paymentMethods.depositAddresses).toHaveLength(1)
    expect(doc.invoices).toEqual([
      expect.objectContaining({ id: invoice.id, number: invoice.number, status: 'paid' }),
    ])
    // No payment link's page tied to her: the list is there and empty.
    expect(doc.paymentLinks).toEqual([])
    expect(doc.events.map((e: { type: string }) => e.type)).toContain('customer.created')
    expect(doc.auditLog.map((e: { action: string }) => e.action)).toContain('customer.wallet_added')

    const csv = (name: string) =>
      strFromU8(files[name] as Uint8Array)
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n')
    const payments = csv('payments.csv')
    expect(payments[0]).toMatch(/^ID,Detected At,Customer,Customer ID,/)
    expect(payments).toHaveLength(2) // the on-chain payment (the off-chain one is the invoice's)
    expect(payments[1]).toContain('0.1')
    const invoices = csv('invoices.csv')
    expect(invoices).toHaveLength(2)
    expect(invoices[1]).toContain(`${invoice.number},paid,USD`)
    const messages = csv('messages.csv')
    expect(messages.some((l) => l.includes('Hello Marta'))).toBe(true)
    // Nothing of the other customer.
    expect(strFromU8(res.bytes)).not.toContain(other.id)

    const audit = await t.request('GET', `${customersPath(customer.id)}/audit`, { as: owner })
    expect(audit.body.data.map((e: { action: string }) => e.action)).toContain('customer.exported')
  })

  it('guards cells that a spreadsheet would run as formulas', async () => {
    const owner = await t.signup()
    const customer = await createCustomer(t, owner, { name: 'Formula' })
    await t.request('POST', `${customersPath(customer.id)}/messages`, {
      as: owner,
      body: { subject: '=1+2', text: 'x' },
    })
    const res = await download(`${customersPath(customer.id)}/privacy-export`, owner)
    const messages = strFromU8(unzipSync(res.bytes)['messages.csv'] as Uint8Array)
    expect(messages).toContain("'=1+2")
  })

  it('is a 404 for another merchant’s customer, a deleted one and an unknown id', async () => {
    const owner = await t.signup()
    const intruder = await t.signup()
    const customer = await createCustomer(t, owner, { name: 'Private' })
    expect(
      (await t.request('GET', `${customersPath(customer.id)}/privacy-export`, { as: intruder })).status,
    ).toBe(404)
    const gone = await createCustomer(t, owner, { name: 'Gone' })
    await t.request('DELETE', customersPath(gone.id), { as: owner })
    expect((await t.request('GET', `${customersPath(gone.id)}/privacy-export`, { as: owner })).status).toBe(
      404,
    )
    expect(
      (await t.request('GET', `${customersPath('not-a-uuid')}/privacy-export`, { as: owner })).status,
    ).toBe(400)
  })
})

/** What the merchant's books and analytics say, to compare before and after an erasure. */
async function books(owner: Session) {
  const m = owner.merchantId
  const range = 'from=2026-01-01&to=2026-12-31'
  const overview = await t.request('GET', `/api/v1/analytics/overview?${range}`, { as: owner })
  const revenue = await t.request('GET', `/api/v1/analytics/revenue?${range}`, { as: owner })
  expect(overview.status, JSON.stringify(overview.body)).toBe(200)
  const stats = await sql<{
    ltv: string
    n: number
  }>`select coalesce(trim_scale(sum(lifetime_value)), 0)::text as ltv,
      coalesce(sum(payment_count), 0)::int as n from customer_stats where merchant_id = ${m}`.execute(t.db)
  const invoices = await sql<{ total: string; paid: string }>`select trim_scale(sum(total))::text as total,
      trim_scale(sum(amount_paid))::text as paid from invoices where merchant_id = ${m}`.execute(t.db)
  const payments = await sql<{ n: number; fiat: string }>`select count(*)::int as n,
      trim_scale(sum(fiat_value))::text as fiat from payments where merchant_id = ${m}`.execute(t.db)
  const days =
    await sql`select grain, day::text, asset, network, country, attributed, sum(payments)::int as payments,
      trim_scale(sum(revenue))::text as revenue from analytics_payment_days where merchant_id = ${m}
      group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 4, 5, 6`.execute(t.db)
  const spans =
    await sql`select nullif(country, '') as country, kind, day::text, sum(customers)::int as customers
      from analytics_span_days where merchant_id = ${m} group by 1, 2, 3 having sum(customers) <> 0 order by 1, 2, 3`.execute(
      t.db,
    )
  return {
    overview: overview.body,
    revenue: revenue.body,
    stats: stats.rows,
    invoices: invoices.rows,
    payments: payments.rows,
    days: days.rows,
    spans: spans.rows,
  }
}

describe('erasing a customer', () => {
  it('removes the personal data, keeps every accounting total and frees the email', async () => {
    t.clock.set('2026-06-01T12:00:00Z')
    const owner = await t.signup()
    const { customer, invoice } = await customerWithHistory(owner)
    const before = await books(owner)
    expect(before.stats[0]?.n).toBe(1)

    const res = await t.request('POST', `${customersPath(customer.id)}/erase`, {
      as: owner,
      body: { confirm: true, reason: 'GDPR request #12' },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body).toEqual({ id: customer.id, erasedAt: expect.any(String) })

    expect(await books(owner)).toEqual(before)

    // The profile is gone from the API; the row that stays names no one.
    expect((await t.request('GET', customersPath(customer.id), { as: owner })).status).toBe(404)
    const row = await t.db
      .selectFrom('customers')
      .selectAll()
      .where('id', '=', customer.id)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({
      name: 'Erased customer',
      email: null,
      phone: null,
      company: null,
      billing_address: null,
      notes: null,
      tags: [],
      country: 'PT',
    })
    expect(row.erased_at).not.toBeNull()
    for (const table of ['payer_wallets', 'refund_addresses', 'customer_preferences'] as const) {
      const left = await t.db
        .selectFrom(table)
        .select('customer_id')
        .where('customer_id', '=', customer.id)
        .execute()
      expect(left, table).toEqual([])
    }
    const messages = await t.db
      .selectFrom('messages')
      .selectAll()
      .where('customer_id', '=', customer.id)
      .execute()
    expect(messages.length).toBeGreaterThan(0)
    for (const msg of messages) {
      expect(msg).toMatchObject({ to_address: null, subject: '(erased)', html: '', text: '' })
    }
    const leftovers = await sql<{ n: number }>`select count(*)::int as n from events
      where merchant_id = ${owner.merchantId} and data::text like '%marta%'`.execute(t.db)
    expect(leftovers.rows[0]?.n).toBe(0)
    const auditText = await sql<{ n: number }>`select count(*)::int as n from audit_log
      where merchant_id = ${owner.merchantId} and data::text like '%Marta%'`.execute(t.db)
    expect(auditText.rows[0]?.n).toBe(0)

    // The invoice and payments stay in the books, without the person.
    const kept = await t.request('GET', `/api/v1/invoices/${invoice.id}`, { as: owner })
    expect(kept.status).toBe(200)
    expect(kept.body).toMatchObject({ status: 'paid', total: invoice.total, payUrl: null })
    const payments = await t.request('GET', '/api/v1/payments', { as: owner })
    expect(payments.body.data).toHaveLength(1)
    expect(payments.body.data[0]).toMatchObject({ customerName: null })

    // Who did it, and why.
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('subject_id', '=', customer.id)
      .where('action', '=', 'customer.erased')
      .executeTakeFirstOrThrow()
    expect(audit).toMatchObject({ actor_type: 'user', actor_id: owner.userId })
    expect(audit.data).toMatchObject({ reason: 'GDPR request #12' })

    // The email is free again.
    const again = await t.request('POST', customersPath(), {
      as: owner,
      body: { name: 'Marta again', email: 'marta@privacy.test' },
    })
    expect(again.status, JSON.stringify(again.body)).toBe(201)

    // Erasing twice is a conflict, not a second audit entry.
    const twice = await t.request('POST', `${customersPath(customer.id)}/erase`, {
      as: owner,
      body: { confirm: true },
    })
    expect(twice.status).toBe(409)
    t.clock.reset()
  })

  it('asks for confirm: true and is for owners and admins only; another merchant’s customer is a 404', async () => {
    const owner = await t.signup()
    const customer = await createCustomer(t, owner, { name: 'Careful', email: 'careful@privacy.test' })
    const path = `${customersPath(customer.id)}/erase`
    const missing = await t.request('POST', path, { as: owner, body: {} })
    expect(missing.status).toBe(400)
    expect(missing.headers.get('content-type')).toContain('application/problem+json')
    expect(missing.body.errors).toEqual([expect.objectContaining({ path: 'confirm' })])
    expect((await t.request('POST', path, { as: owner, body: { confirm: 'yes' } })).status).toBe(400)
    const viewer = await t.apiKey(owner, 'viewer')
    expect((await t.request('POST', path, { as: viewer, body: { confirm: true } })).status).toBe(403)
    const intruder = await t.signup()
    expect((await t.request('POST', path, { as: intruder, body: { confirm: true } })).status).toBe(404)
    const admin = await t.apiKey(owner, 'admin')
    const ok = await t.request('POST', path, { as: admin, body: { confirm: true } })
    expect(ok.status).toBe(200)
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['actor_type'])
      .where('subject_id', '=', customer.id)
      .where('action', '=', 'customer.erased')
      .executeTakeFirstOrThrow()
    expect(audit.actor_type).toBe('api_key')
  })
})

/** The smallest valid PNG (1×1, transparent), GIF and JPEG headers: real images, as file-type sees them. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64')

async function putAvatar(customerId: string, as: Session, body: Uint8Array, contentType = 'image/png') {
  const res = await t.app.request(`${customersPath(customerId)}/avatar`, {
    method: 'PUT',
    headers: { ...as.headers, 'content-type': contentType },
    body,
  })
  const text = await res.text()
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null }
}

describe('avatars', () => {
  it('stores an uploaded image, serves it with its sniffed type and a locked-down policy, and removes it', async () => {
    const owner = await t.signup()
    const customer = await createCustomer(t, owner, { name: 'Pic' })
    expect((await t.request('GET', customersPath(customer.id), { as: owner })).body.avatar).toBeNull()

    // Declared as JPEG, but the bytes are a PNG: the bytes win.
    const put = await putAvatar(customer.id, owner, PNG, 'image/jpeg')
    expect(put.status, JSON.stringify(put.body)).toBe(200)
    expect(put.body).toMatchObject({ contentType: 'image/png', size: PNG.length })
    const profile = await t.request('GET', customersPath(customer.id), { as: owner })
    expect(profile.body.avatar).toEqual(put.body)

    const img = await download(put.body.url, owner)
    expect(img.status).toBe(200)
    expect(img.headers.get('content-type')).toBe('image/png')
    expect(img.headers.get('x-content-type-options')).toBe('nosniff')
    expect(img.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox")
    expect(Buffer.from(img.bytes).equals(PNG)).toBe(true)

    // Replacing keeps one avatar.
    expect((await putAvatar(customer.id, owner, GIF)).body).toMatchObject({ contentType: 'image/gif' })
    expect((await download(`${customersPath(customer.id)}/avatar`, owner)).headers.get('content-type')).toBe(
      'image/gif',
    )

    expect((await t.request('DELETE', `${customersPath(customer.id)}/avatar`, { as: owner })).status).toBe(
      204,
    )
    expect((await download(`${customersPath(customer.id)}/avatar`, owner)).status).toBe(404)
    expect((await t.request('GET', customersPath(customer.id), { as: owner })).body.avatar).toBeNull()
    expect((await t.request('DELETE', `${customersPath(customer.id)}/avatar`, { as: owner })).status).toBe(
      404,
    )
  })

  it('refuses what is not a PNG, JPEG, WebP or GIF with a 415, an oversized one with a 413 and nothing with a 400', async () => {
    const owner = await t.signup()
    const customer = await createCustomer(t, owner, { name: 'Bad input' })
    const svg = new TextEncoder().encode(
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    )
    const pdf = new TextEncoder().encode('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF')
    for (const [bytes, type] of [
      [svg, 'image/svg+xml'],
      [pdf, 'image/png'],
      [new TextEncoder().encode('hello'), 'image/png'],
    ] as const) {
      const res = await putAvatar(customer.id, owner, bytes, type)
      expect(res.status, type).toBe(415)
      expect(res.headers.get('content-type')).toContain('application/problem+json')
      expect(res.body.detail).toMatch(/PNG, JPEG, WebP or GIF/)
    }
    // Just over 1 MiB of a real PNG's bytes.
    const big = new Uint8Array(1024 * 1024 + 1)
    big.set(PNG)
    const tooBig = await putAvatar(customer.id, owner, big)
    expect(tooBig.status).toBe(413)
    expect(tooBig.headers.get('content-type')).toContain('application/problem+json')
    const empty = await putAvatar(customer.id, owner, new Uint8Array())
    expect(empty.status).toBe(400)
    expect((await download(`${customersPath(customer.id)}/avatar`, owner)).status).toBe(404)
  })

  it('keeps each merchant’s avatars to itself, lets viewers look but not upload, and goes with an erasure', async () => {
    const owner = await t.signup()
    const intruder = await t.signup()
    const customer = await createCustomer(t, owner, { name: 'Mine' })
    expect((await putAvatar(customer.id, intruder, PNG)).status).toBe(404)
    expect((await putAvatar(customer.id, owner, PNG)).status).toBe(200)
    expect((await download(`${customersPath(customer.id)}/avatar`, intruder)).status).toBe(404)
    expect((await t.request('DELETE', `${customersPath(customer.id)}/avatar`, { as: intruder })).status).toBe(
      404,
    )
    const viewer = await t.apiKey(owner, 'viewer')
    expect((await download(`${customersPath(customer.id)}/avatar`, viewer)).status).toBe(200)
    expect((await putAvatar(customer.id, viewer, PNG)).status).toBe(403)

    await t.request('POST', `${customersPath(customer.id)}/erase`, { as: owner, body: { confirm: true } })
    const left = await t.db
      .selectFrom('customer_avatars')
      .select('size')
      .where('customer_id', '=', customer.id)
      .execute()
    expect(left).toEqual([])
  })
})

describe('erasing what the portal and payment links hold', () => {
  it('ends portal links and sessions and blanks what the payer typed on a payment link', async () => {
    const owner = await t.signup()
    const customer = await createCustomer(t, owner, { name: 'Link Payer', email: 'link@privacy.test' })
    const m = owner.merchantId
    const linkId = randomUUID()
    await sql`insert into payment_links (id, merchant_id, slug, title, currency, accepts)
      values (${linkId}, ${m}, ${`l-${linkId}`}, 'Donation', 'USD', '[]'::jsonb)`.execute(t.db)
    await sql`insert into payment_link_sessions (id, merchant_id, link_id, token, name, email, phone, amount, currency, customer_id)
      values (${randomUUID()}, ${m}, ${linkId}, ${`tok-${linkId}`}, 'Link Payer', 'link@privacy.test', '+351 1', 5, 'USD', ${customer.id})`.execute(
      t.db,
    )
    await sql`insert into portal_sessions (id, merchant_id, customer_id, expires_at)
      values (${`s-${linkId}`}, ${m}, ${customer.id}, now() + interval '1 day')`.execute(t.db)

    const res = await t.request('POST', `${customersPath(customer.id)}/erase`, {
      as: owner,
      body: { confirm: true },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const sessions = await sql<{ name: string | null; email: string | null; phone: string | null }>`
      select name, email::text, phone from payment_link_sessions where customer_id = ${customer.id}`.execute(
      t.db,
    )
    expect(sessions.rows).toEqual([{ name: null, email: null, phone: null }])
    const portal = await sql`select 1 from portal_sessions where customer_id = ${customer.id}`.execute(t.db)
    expect(portal.rows).toEqual([])
  })
})
