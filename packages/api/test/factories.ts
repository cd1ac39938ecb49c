import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import type { Session, TestApp } from './harness.js'

const BASE = '/api/v1/customers'

/** A valid create body with a unique name and email; overrides win. */
export function customerInput(overrides: Record<string, unknown> = {}) {
  const tag = randomUUID().slice(0, 8)
  return { name: `Customer ${tag}`, email: `customer-${tag}@example.com`, ...overrides }
}

/** Creates a customer through the API and returns its DTO. */
export async function createCustomer(t: TestApp, as: Session, overrides: Record<string, unknown> = {}) {
  const res = await t.request('POST', BASE, { as, body: customerInput(overrides) })
  if (res.status !== 201) throw new Error(`create customer failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}

/** Sets a customer's stats straight in the database, as payments will once they exist. */
export async function setStats(
  t: TestApp,
  customerId: string,
  stats: { lifetimeValue: string; paymentCount?: number; firstPaymentAt?: string; lastPaymentAt?: string },
) {
  await sql`update customer_stats set lifetime_value = ${stats.lifetimeValue}::numeric,
    payment_count = ${stats.paymentCount ?? 0},
    first_payment_at = ${stats.firstPaymentAt ?? null}::timestamptz,
    last_payment_at = ${stats.lastPaymentAt ?? null}::timestamptz
    where customer_id = ${customerId}`.execute(t.db)
}

/** Lists customers with a query string object. */
export function listCustomers(t: TestApp, as: Session, query: Record<string, string | number> = {}) {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]))
  return t.request('GET', `${BASE}?${qs}`, { as })
}

/** Follows nextCursor to the end and returns every page. */
export async function walkPages(t: TestApp, as: Session, query: Record<string, string | number>) {
  const pages: { id: string; name: string; lifetimeValue: string }[][] = []
  let cursor: string | null = null
  do {
    const res = await listCustomers(t, as, { ...query, ...(cursor ? { cursor } : {}) })
    if (res.status !== 200) throw new Error(`list failed: ${res.status} ${JSON.stringify(res.body)}`)
    pages.push(res.body.data)
    cursor = res.body.nextCursor
    if (pages.length > 100) throw new Error('pagination does not end')
  } while (cursor)
  return pages
}

export const customersPath = (id = '') => (id ? `${BASE}/${id}` : BASE)
