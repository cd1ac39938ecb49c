import { sql } from 'kysely'
import { billingIssueJob } from '../src/jobs/definitions/billing-issue.js'
import type { Session, TestApp } from './harness.js'

/** Creates a plan through the API (monthly, 10.00 USD unless overridden) and returns it. */
export async function createPlan(t: TestApp, as: Session, overrides: Record<string, unknown> = {}) {
  const res = await t.request('POST', '/api/v1/plans', {
    as,
    body: { name: 'Pro', amount: '10.00', currency: 'USD', interval: 'month', ...overrides },
  })
  if (res.status !== 201) throw new Error(`create plan failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}

/** Subscribes a customer through the API and returns the subscription. */
export async function subscribe(
  t: TestApp,
  as: Session,
  body: { customerId: string; planId: string; startDate?: string },
) {
  const res = await t.request('POST', '/api/v1/subscriptions', { as, body })
  if (res.status !== 201) throw new Error(`subscribe failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}

export async function getSubscription(t: TestApp, as: Session, id: string) {
  const res = await t.request('GET', `/api/v1/subscriptions/${id}`, { as })
  if (res.status !== 200)
    throw new Error(`get subscription failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}

/**
 * One billing run at `at` through the job's handler, for one merchant: test files share one PostgreSQL
 * database and set their own clocks, so an unscoped run would bill (and cancel) other files' merchants.
 */
export async function runBillingAt(t: TestApp, at: string, as: Session) {
  t.clock.set(at)
  await billingIssueJob.handler({ merchantId: as.merchantId }, t.core)
}

/** Every invoice issued for these subscriptions, straight from the database. */
export async function periodInvoices(t: TestApp, subscriptionIds: string[]) {
  const { rows } = await sql<{ subscription_id: string; period_start: string; number: string }>`
    select sp.subscription_id, sp.period_start, i.number from subscription_periods sp
    join invoices i on i.id = sp.invoice_id
    where sp.subscription_id = any(${subscriptionIds}::uuid[]) order by sp.subscription_id, sp.period_start`.execute(
    t.db,
  )
  return rows
}
