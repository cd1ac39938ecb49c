import { sql } from 'kysely'
import { remindersRunJob } from '../src/jobs/definitions/reminders-run.js'
import { createCustomer } from './factories.js'
import type { Session, TestApp } from './harness.js'
import { createInvoice, sendInvoice } from './invoices.js'

/** A customer (in `timezone`, if given) with one sent invoice falling due on `dueDate`. */
export async function openInvoice(
  t: TestApp,
  as: Session,
  {
    dueDate,
    timezone = null,
    customerId,
  }: { dueDate: string; timezone?: string | null; customerId?: string },
) {
  const customer = customerId ?? (await createCustomer(t, as, { timezone })).id
  const draft = await createInvoice(t, as, customer, { dueDate })
  const invoice = await sendInvoice(t, as, draft.id)
  return { ...invoice, customerId: customer } as { id: string; customerId: string; number: string }
}

/**
 * One reminder run at `at` through the job's handler, for one merchant: test files share one PostgreSQL
 * database with their own clocks, so an unscoped run would remind other files' invoices.
 */
export async function runRemindersAt(t: TestApp, at: string | Date, as: Session) {
  t.clock.set(at)
  await remindersRunJob.handler({ merchantId: as.merchantId }, t.core)
}

export interface SendRecord {
  invoice_id: string | null
  subscription_id: string | null
  step_key: string
  kind: string
  status: 'sent' | 'skipped'
  due_at: Date
}

/** Every reminder decided for these invoices or subscriptions, in a stable order. */
export async function reminderSends(t: TestApp, ids: string[]): Promise<SendRecord[]> {
  const { rows } = await sql<SendRecord>`
    select invoice_id, subscription_id, step_key, kind, status, due_at from reminder_sends
    where invoice_id = any(${ids}::uuid[]) or subscription_id = any(${ids}::uuid[])
    order by coalesce(invoice_id, subscription_id), due_at, step_key`.execute(t.db)
  return rows
}

export interface MessageRecord {
  invoice_id: string | null
  subscription_id: string | null
  kind: string
  status: string
  dedupe_key: string
  subject: string
  to_address: string | null
}

/** The reminders in the mailer's log (messages) about these invoices or subscriptions. */
export async function reminderMessages(t: TestApp, ids: string[]): Promise<MessageRecord[]> {
  const { rows } = await sql<MessageRecord>`
    select invoice_id, subscription_id, kind, status, dedupe_key, subject, to_address from messages
    where (invoice_id = any(${ids}::uuid[]) or subscription_id = any(${ids}::uuid[]))
      and dedupe_key like 'reminder:%'
    order by coalesce(invoice_id, subscription_id), created_at, id`.execute(t.db)
  return rows
}
