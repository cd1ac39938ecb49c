import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queueMessage } from '../src/modules/messages/services/queue-message.js'
import { createCustomer } from './factories.js'
import { createTestApp, type Session, type TestApp } from './harness.js'

let t: TestApp
let owner: Session

beforeAll(async () => {
  t = await createTestApp({ env: { PUBLIC_URL: 'https://crm.example.com' } })
  owner = await t.signup({ merchantName: 'Queue & Co' })
})
afterAll(() => t.close())

function queue(input: Parameters<typeof queueMessage>[1]) {
  return t.db.transaction().execute((trx) => queueMessage(trx, input))
}

function row(id: string) {
  return t.db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
}

describe('queueMessage', () => {
  it('renders the template with the variables when queued: subject, HTML and text with the pay link', async () => {
    const customer = await createCustomer(t, owner, { name: 'Ada <Lovelace>', email: 'ada@queue.test' })
    const q = await queue({
      merchantId: owner.merchantId,
      customerId: customer.id,
      kind: 'invoice',
      variables: {
        invoice: {
          number: 'INV-000007',
          total: '120.00',
          amountDue: '120.00',
          currency: 'EUR',
          dueDate: '2026-03-01',
        },
        payLink: 'https://crm.example.com/pay/abc',
      },
      related: { invoiceId: '0190f3d5-0000-7000-8000-000000000001' },
    })
    expect(q).toMatchObject({ status: 'queued', created: true })
    const m = await row(q.id)
    expect(m.subject).toBe('Invoice INV-000007 from Queue & Co')
    expect(m.to_address).toBe('ada@queue.test')
    expect(m.html).toContain('Hello Ada &lt;Lovelace&gt;')
    expect(m.html).toContain('href="https://crm.example.com/pay/abc"')
    expect(m.html).not.toContain('%%')
    expect(m.text).toContain('Pay now: https://crm.example.com/pay/abc')
    expect(m.text).toContain('Amount due: 120.00 EUR')
    // Invoices are transactional: no unsubscribe link.
    expect(m.headers).toEqual({})
    expect(m.invoice_id).toBe('0190f3d5-0000-7000-8000-000000000001')
  })

  it('the same dedupe key twice gives the first message back, not a second', async () => {
    const customer = await createCustomer(t, owner)
    const input = {
      merchantId: owner.merchantId,
      customerId: customer.id,
      kind: 'reminder_due' as const,
      variables: { invoice: { number: 'INV-1' } },
      dedupeKey: `reminder:${customer.id}:due`,
    }
    const first = await queue(input)
    const again = await queue(input)
    expect(first.created).toBe(true)
    expect(again).toEqual({ id: first.id, status: 'queued', created: false })
    const both = await t.db.transaction().execute(async (trx) => {
      const { queueMessages } = await import('../src/modules/messages/services/queue-message.js')
      return queueMessages(trx, [
        { ...input, dedupeKey: 'batch-key' },
        { ...input, dedupeKey: 'batch-key' },
      ])
    })
    expect(both[0]?.created).toBe(true)
    expect(both[1]).toEqual({ ...both[0], created: false })
    const count = await t.db
      .selectFrom('messages')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('customer_id', '=', customer.id)
      .executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(2)
  })

  it('non-transactional mail carries a List-Unsubscribe link; no email or a deleted customer is suppressed', async () => {
    const customer = await createCustomer(t, owner)
    const reminder = await row(
      (
        await queue({
          merchantId: owner.merchantId,
          customerId: customer.id,
          kind: 'reminder_overdue_1',
          variables: {},
        })
      ).id,
    )
    expect(reminder.headers['List-Unsubscribe']).toMatch(
      /^<https:\/\/crm\.example\.com\/api\/v1\/public\/unsubscribe\?token=.+>$/,
    )
    expect(reminder.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')
    expect(reminder.text).toContain('Unsubscribe: https://crm.example.com/api/v1/public/unsubscribe?token=')

    const noEmail = await createCustomer(t, owner, { email: undefined })
    const q = await queue({
      merchantId: owner.merchantId,
      customerId: noEmail.id,
      kind: 'receipt',
      variables: {},
    })
    expect(q.status).toBe('suppressed')
    expect((await row(q.id)).suppressed_reason).toBe('no email address')

    const gone = await createCustomer(t, owner)
    expect((await t.request('DELETE', `/api/v1/customers/${gone.id}`, { as: owner })).status).toBe(204)
    const g = await queue({
      merchantId: owner.merchantId,
      customerId: gone.id,
      kind: 'receipt',
      variables: {},
    })
    expect(g.status).toBe('suppressed')
    expect((await row(g.id)).suppressed_reason).toBe('the customer was deleted')
  })
})
