import { randomUUID } from 'node:crypto'
import { type Kysely, sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../src/db/database.js'
import * as m0028 from '../src/db/migrations/0028_evm_token_event_ordinals.js'
import { createTestApp, type TestApp } from './harness.js'

/** Rolls back whatever the callback did, after it has looked. */
class Rollback extends Error {}

let t: TestApp
let merchantId: string

beforeAll(async () => {
  t = await createTestApp()
  merchantId = (await t.signup()).merchantId
})
afterAll(() => t.close())

describe('migration 0028: the EVM token payments numbered by receipt position', () => {
  it('lists exactly the EVM token payments whose number may change, and nothing else', async () => {
    const row = (network: string, asset: string, eventIndex: number, contract: string | null) => ({
      id: randomUUID(),
      merchant_id: merchantId,
      network,
      asset,
      tx_hash: network === 'bitcoin' ? randomUUID().replaceAll('-', '').repeat(2) : `0x${randomUUID()}`,
      event_index: eventIndex,
      to_address: 'to',
      contract,
      amount: '1',
      decimals: 6,
      fiat_currency: 'USD',
      status: 'confirmed' as const,
    })
    const usdt = '0xdac17f958d2ee523a2206206994597c13d831ec7'
    const listed = [
      row('ethereum', 'USDT', 2, usdt),
      row('bsc', 'USDC', 3, usdt),
      row('arbitrum', 'USDT', 7, usdt),
    ]
    const unlisted = [
      // Position 0 is ordinal 0 under both numberings.
      row('ethereum', 'USDT', 1, usdt),
      // A native payment's number is not a log's.
      row('ethereum', 'ETH', 0, null),
      row('ethereum', 'ETH', 5, null),
      // Other networks number their events their own way.
      row('tron', 'USDT', 2, 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t'),
      row('bitcoin', 'BTC', 3, null),
    ]
    await t.db
      .insertInto('payments')
      .values([...listed, ...unlisted])
      .execute()

    // 0028's up() as it ran on a database holding these rows: its table and index are dropped first, and
    // everything is rolled back after the look, so the database keeps its migrated state.
    const inTable = await t.db
      .transaction()
      .execute(async (trx) => {
        await sql`drop table evm_event_renumbering`.execute(trx)
        await sql`drop index payments_fee_unread_idx`.execute(trx)
        await m0028.up(trx as unknown as Kysely<unknown>)
        const rows = await sql<{ payment_id: string; network: string; tx_hash: string }>`
          select r.payment_id, r.network, r.tx_hash from evm_event_renumbering r
          join payments p on p.id = r.payment_id where p.merchant_id = ${merchantId}`.execute(trx)
        throw Object.assign(new Rollback(), { rows: rows.rows })
      })
      .catch((error: unknown) => {
        if (error instanceof Rollback) return (error as Rollback & { rows: unknown[] }).rows
        throw error
      })

    expect(new Set(inTable)).toEqual(
      new Set(listed.map((p) => ({ payment_id: p.id, network: p.network, tx_hash: p.tx_hash }))),
    )
    // The table is as the migration left it when the tests began.
    const still = await (t.db as Kysely<Database>)
      .selectFrom('payments')
      .select('id')
      .where('merchant_id', '=', merchantId)
      .execute()
    expect(still).toHaveLength(listed.length + unlisted.length)
  })
})
