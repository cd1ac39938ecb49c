import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_TEMPLATES } from '../src/modules/messages/templates/defaults.js'
import { renderEmail } from '../src/modules/messages/templates/render.js'
import { payInvoice } from './analytics.js'
import { createCustomer, customersPath } from './factories.js'
import { createTestApp, type Session, type TestApp } from './harness.js'
import { createInvoice, payToken, sendInvoice } from './invoices.js'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

const checkout = (token: string) => `/api/v1/public/checkout/${token}`

/** A sent invoice of the customer (its pay link's token), paid off-chain when `paid`. */
async function invoiceOf(owner: Session, customerId: string, paid: boolean) {
  const invoice = await createInvoice(t, owner, customerId, { currency: 'USD' })
  const sent = await sendInvoice(t, owner, invoice.id)
  if (paid) await payInvoice(t, owner, invoice.id, '100.00')
  return { id: invoice.id as string, number: invoice.number as string, token: payToken(sent) }
}

function rate(token: string, body: unknown) {
  return t.request('PUT', `${checkout(token)}/rating`, { body })
}

describe('ratings', () => {
  it('lets the payer rate a paid invoice from its pay link, edit the rating, and shows it on the checkout', async () => {
    const owner = await t.signup()
    const customer = await createCustomer(t, owner, { name: 'Rater' })
    const invoice = await invoiceOf(owner, customer.id, true)

    const before = await t.request('GET', checkout(invoice.token))
    expect(before.body).toMatchObject({ status: 'paid', canRate: true, rating: null })

    const first = await rate(invoice.token, { rating: 4, comment: '  Quick and easy  ' })
    expect(first.status, JSON.stringify(first.body)).toBe(200)
    expect(first.body).toMatchObject({ rating: 4, comment: 'Quick and easy' })
    expect(first.headers.get('cache-control')).toBe('no-store')

    const edited = await rate(invoice.token, { rating: 5 })
    expect(edited.body).toMatchObject({ rating: 5, comment: null })
    expect((await t.request('GET', checkout(invoice.token))).body.rating).toMatchObject({
      rating: 5,
      comment: null,
    })
    const rows = await t.db
      .selectFrom('invoice_ratings')
      .selectAll()
      .where('invoice_id', '=', invoice.id)
      .execute()
    expect(rows).toHaveLength(1)
  })

  it('refuses a rating before anything is paid (409), an unknown link (404) and bad values (400)', async () => {
    const owner = await t.signup()
    const customer = await createCustomer(t, owner, { name: 'Early' })
    const open = await invoiceOf(owner, customer.id, false)
    expect((await t.request('GET', checkout(open.token))).body).toMatchObject({
      canRate: false,
      rating: null,
    })
    const early = await rate(open.token, { rating: 5 })
    expect(early.status).toBe(409)
    expect(early.headers.get('content-type')).toContain('application/problem+json')

    expect((await rate('x'.repeat(43), { rating: 5 })).status).toBe(404)

    const paid = await invoiceOf(owner, customer.id, true)
    for (const [body, path] of [
      [{ rating: 0 }, 'rating'],
      [{ rating: 6 }, 'rating'],
      [{ rating: 4.5 }, 'rating'],
      [{ rating: '5' }, 'rating'],
      [{}, 'rating'],
      [{ rating: 3, comment: 'x'.repeat(1001) }, 'comment'],
      [{ rating: 3, extra: true }, ''],
    ] as const) {
      const res = await rate(paid.token, body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(res.headers.get('content-type')).toContain('application/problem+json')
      if (path) expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path)
    }
    expect(
      await t.db.selectFrom('invoice_ratings').selectAll().where('invoice_id', '=', paid.id).execute(),
    ).toEqual([])
  })

  it('shows on the profile with the average, in the analytics overview, and as a segment condition', async () => {
    t.clock.set('2026-05-10T12:00:00Z')
    const owner = await t.signup()
    const happy = await createCustomer(t, owner, { name: 'Happy' })
    const grumpy = await createCustomer(t, owner, { name: 'Grumpy' })
    await createCustomer(t, owner, { name: 'Silent' })
    const a = await invoiceOf(owner, happy.id, true)
    const b = await invoiceOf(owner, happy.id, true)
    const c = await invoiceOf(owner, grumpy.id, true)
    await rate(a.token, { rating: 5, comment: 'Great' })
    await rate(b.token, { rating: 4 })
    await rate(c.token, { rating: 1, comment: 'Slow' })

    const profile = await t.request('GET', `${customersPath(happy.id)}/ratings`, { as: owner })
    expect(profile.status).toBe(200)
    expect(profile.body.average).toBe('4.50')
    expect(profile.body.count).toBe(2)
    expect(
      profile.body.data.map((r: { invoiceNumber: string; rating: number }) => [r.invoiceNumber, r.rating]),
    ).toEqual(
      expect.arrayContaining([
        [a.number, 5],
        [b.number, 4],
      ]),
    )

    const today = new Date().toISOString().slice(0, 10)
    const overview = await t.request('GET', `/api/v1/analytics/overview?from=${today}&to=${today}`, {
      as: owner,
    })
    expect(overview.status, JSON.stringify(overview.body)).toBe(200)
    expect(overview.body.ratings).toEqual({ average: '3.33', count: 3 })

    const preview = async (rule: unknown) => {
      const res = await t.request('POST', '/api/v1/segments/preview', {
        as: owner,
        body: { rule, limit: 100 },
      })
      expect(res.status, JSON.stringify(res.body)).toBe(200)
      return res.body.data.map((x: { name: string }) => x.name).sort()
    }
    expect(await preview({ all: [{ field: 'rating', op: 'gte', value: 4 }] })).toEqual(['Happy'])
    expect(await preview({ all: [{ field: 'rating', op: 'lt', value: 2 }] })).toEqual(['Grumpy'])
    expect(await preview({ all: [{ field: 'lastRating', op: 'eq', value: 1 }] })).toEqual(['Grumpy'])
    expect(await preview({ all: [{ field: 'rating', op: 'exists' }] })).toEqual(['Grumpy', 'Happy'])
    t.clock.reset()

    // Another merchant sees none of it.
    const intruder = await t.signup()
    expect((await t.request('GET', `${customersPath(happy.id)}/ratings`, { as: intruder })).status).toBe(404)
    const theirs = await t.request('GET', `/api/v1/analytics/overview?from=${today}&to=${today}`, {
      as: intruder,
    })
    expect(theirs.body.ratings).toEqual({ average: null, count: 0 })

    // A merge carries the ratings with the invoices; an erasure keeps the score and drops the comment.
    await t.request('POST', `${customersPath(happy.id)}/merge`, {
      as: owner,
      body: { duplicateId: grumpy.id },
    })
    const merged = await t.request('GET', `${customersPath(happy.id)}/ratings`, { as: owner })
    expect(merged.body).toMatchObject({ average: '3.33', count: 3 })
    await t.request('POST', `${customersPath(happy.id)}/erase`, { as: owner, body: { confirm: true } })
    const kept = await t.db
      .selectFrom('invoice_ratings')
      .select(['rating', 'comment'])
      .where('invoice_id', '=', a.id)
      .execute()
    expect(kept).toEqual([{ rating: 5, comment: null }])
  })
})

describe('the receipt', () => {
  it('links to the pay page, where the payer rates the payment', async () => {
    const email = await renderEmail({
      kind: 'receipt',
      template: DEFAULT_TEMPLATES.receipt,
      variables: {
        customer: { name: 'Ana' },
        invoice: { number: 'INV-000007', total: '100.00', currency: 'USD' },
        payment: { amount: '100', asset: 'USDT', network: 'tron', txHash: 'abc' },
        payLink: 'https://crm.example.com/pay/tok',
      },
      merchantName: 'Acme',
    })
    expect(email.text).toContain('Rate this payment: https://crm.example.com/pay/tok')
    expect(email.html).toContain('href="https://crm.example.com/pay/tok"')
  })
})
