import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Executor } from '../src/context.js'
import { connectDatabase } from '../src/db/connect.js'
import { prepared } from '../src/db/prepared.js'
import { loadCheckout } from '../src/modules/checkout/services/checkout.js'
import { createCustomer } from './factories.js'
import { createTestApp, type TestApp } from './harness.js'
import { createInvoice, payToken, sendInvoice } from './invoices.js'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t.close()
})

describe('prepared statements', () => {
  it('takes only lower-case names', () => {
    expect(() => prepared('checkout')).not.toThrow()
    expect(() => prepared('Checkout */ drop')).toThrow(/lower case/)
  })

  it('the checkout is one statement that answers like the API', async () => {
    const owner = await t.signup()
    const customer = await createCustomer(t, owner)
    const invoice = await createInvoice(t, owner, customer.id)
    const token = payToken(await sendInvoice(t, owner, invoice.id))
    const res = await t.request('GET', `/api/v1/public/checkout/${token}`)
    expect(res.status).toBe(200)
    expect(await loadCheckout(t.core, token)).toEqual(res.body)
  })

  // Named statements exist on PostgreSQL connections only; PGlite sees a comment.
  it.runIf(process.env.DATABASE_URL)(
    'prepares the checkout once per connection, and a migration adding a column does not break it',
    async () => {
      const owner = await t.signup()
      const customer = await createCustomer(t, owner)
      const invoice = await createInvoice(t, owner, customer.id)
      const token = payToken(await sendInvoice(t, owner, invoice.id))
      // One connection, so every statement below meets the statements prepared before it.
      const handle = await connectDatabase({ url: process.env.DATABASE_URL, poolSize: 1 })
      try {
        const deps = { ...t.core, db: handle.db }
        const before = await loadCheckout(deps, token)
        await loadCheckout(deps, token)
        const names = await sql<{ name: string }>`select name from pg_prepared_statements`.execute(handle.db)
        expect(names.rows.map((r) => r.name)).toContain('checkout')
        // A prepared `select *` is what a rolling deploy would break: PostgreSQL refuses to run it once a
        // column is added ("cached plan must not change result type"). The checkout names its columns.
        const star = (db: Executor = handle.db) =>
          db
            .selectFrom('invoices')
            .modifyFront(prepared('star_probe'))
            .selectAll()
            .where('pay_token', '=', token)
            .execute()
        await star()
        const rollback = new Error('rollback')
        await expect(
          handle.db.transaction().execute(async (trx) => {
            await sql`alter table invoices add column prepared_probe integer`.execute(trx)
            expect(await loadCheckout({ ...deps, db: trx }, token)).toEqual(before)
            await expect(star(trx)).rejects.toThrow(/cached plan must not change result type/)
            throw rollback
          }),
        ).rejects.toBe(rollback)
        await star()
      } finally {
        await handle.close()
      }
    },
  )
})
