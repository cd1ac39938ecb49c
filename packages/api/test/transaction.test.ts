import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inTransaction, isRetryableConflict } from '../src/db/transaction.js'
import { createCustomer } from './factories.js'
import { createTestApp, type TestApp } from './harness.js'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t.close()
})

describe('inTransaction', () => {
  it('knows a deadlock and a serialization failure from other errors', () => {
    expect(isRetryableConflict({ code: '40P01' })).toBe(true)
    expect(isRetryableConflict({ code: '40001' })).toBe(true)
    expect(isRetryableConflict({ code: '23505' })).toBe(false)
    expect(isRetryableConflict(new Error('boom'))).toBe(false)
    expect(isRetryableConflict(null)).toBe(false)
  })

  // PGlite has one connection: two transactions cannot wait on each other there.
  it.runIf(process.env.DATABASE_URL)(
    'runs the deadlock victim again, so two transactions locking in opposite orders both commit',
    async () => {
      const owner = await t.signup()
      const a = await createCustomer(t, owner, { name: 'A' })
      const b = await createCustomer(t, owner, { name: 'B' })
      let attempts = 0
      let arrived = 0
      let release: () => void = () => {}
      const bothLockedFirst = new Promise<void>((resolve) => {
        release = resolve
      })
      const lockInOrder = (first: string, second: string, label: string) =>
        inTransaction(t.db, async (trx) => {
          attempts++
          await sql`select id from customers where id = ${first} for update`.execute(trx)
          // Only the first attempts wait for each other: a rerun goes straight on.
          if (attempts <= 2) {
            arrived++
            if (arrived === 2) release()
            await bothLockedFirst
          }
          await sql`select id from customers where id = ${second} for update`.execute(trx)
          await sql`update customers set notes = ${label} where id = ${second}`.execute(trx)
          return label
        })
      const results = await Promise.all([lockInOrder(a.id, b.id, 'one'), lockInOrder(b.id, a.id, 'two')])
      expect(results).toEqual(['one', 'two'])
      expect(attempts).toBe(3)
      const rows = await t.db
        .selectFrom('customers')
        .select(['id', 'notes'])
        .where('id', 'in', [a.id, b.id])
        .execute()
      expect(Object.fromEntries(rows.map((r) => [r.id, r.notes]))).toEqual({ [b.id]: 'one', [a.id]: 'two' })
    },
  )
})
