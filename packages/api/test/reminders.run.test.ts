import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { remindersRunJob } from '../src/jobs/definitions/reminders-run.js'
import { queueReminderMessages } from '../src/modules/reminders/deliver.js'
import { runReminders } from '../src/modules/reminders/services/run.js'
import { createTestApp, type Session, type TestApp } from './harness.js'
import { openInvoice, reminderMessages, reminderSends, runRemindersAt } from './reminders.js'

let t: TestApp
let owner: Session

beforeAll(async () => {
  t = await createTestApp()
  owner = await t.signup({ merchantName: 'Acme Reminders' })
  // PGlite migrates the whole schema here: slow on a busy machine.
}, 180_000)
afterAll(() => t.close())

const scope = () => ({ merchantId: owner.merchantId })
const QUARTER = 15 * 60_000

/** Runs every 15 minutes from `from` to `to` (as the job does) and notes the run each step was sent on. */
async function sweep(from: string, to: string, ids: string[], firstSent = new Map<string, string>()) {
  for (let at = Date.parse(from); at <= Date.parse(to); at += QUARTER) {
    await runRemindersAt(t, new Date(at), owner)
    for (const s of await reminderSends(t, ids)) {
      const key = `${s.invoice_id}/${s.step_key}`
      if (s.status === 'sent' && !firstSent.has(key)) firstSent.set(key, new Date(at).toISOString())
    }
  }
  return firstSent
}

describe('the reminder run', () => {
  it('sends each step at 09:00 in the customer’s zone, exactly once, across the US DST change', async () => {
    t.clock.set('2026-03-01T12:00:00Z')
    const zones = ['America/New_York', 'Asia/Kolkata', 'Pacific/Auckland', 'UTC'] as const
    const invoices = []
    for (const timezone of zones)
      invoices.push(await openInvoice(t, owner, { dueDate: '2026-03-10', timezone }))
    const ids = invoices.map((i) => i.id)

    // 3 days before due (Mar 7, New York still on EST) and on the due date (Mar 10, EDT since Mar 8).
    // Every 15 minutes through the hours when 09:00 comes somewhere in these zones, on both dates.
    const sent = await sweep('2026-03-06T19:00:00Z', '2026-03-07T14:30:00Z', ids)
    await sweep('2026-03-09T19:00:00Z', '2026-03-10T13:30:00Z', ids, sent)
    const at = (i: number, step: string) => sent.get(`${ids[i]}/${step}`)
    expect(at(0, 'before_due')).toBe('2026-03-07T14:00:00.000Z')
    expect(at(0, 'due')).toBe('2026-03-10T13:00:00.000Z')
    expect(at(1, 'before_due')).toBe('2026-03-07T03:30:00.000Z')
    expect(at(1, 'due')).toBe('2026-03-10T03:30:00.000Z')
    expect(at(2, 'before_due')).toBe('2026-03-06T20:00:00.000Z')
    expect(at(2, 'due')).toBe('2026-03-09T20:00:00.000Z')
    expect(at(3, 'before_due')).toBe('2026-03-07T09:00:00.000Z')
    expect(at(3, 'due')).toBe('2026-03-10T09:00:00.000Z')
    // The runs after each send found nothing more to send.

    const rows = await reminderSends(t, ids)
    expect(rows).toHaveLength(8)
    expect(rows.every((r) => r.status === 'sent')).toBe(true)
    expect(rows.find((r) => r.invoice_id === ids[0] && r.step_key === 'due')?.kind).toBe('reminder_due')
    const messages = await reminderMessages(t, ids)
    expect(messages).toHaveLength(8)
    expect(
      messages.filter((m) => m.invoice_id === ids[0]).map((m) => [m.kind, m.status, m.dedupe_key]),
    ).toEqual([
      ['reminder_before_due', 'queued', `reminder:${ids[0]}:before_due`],
      ['reminder_due', 'queued', `reminder:${ids[0]}:due`],
    ])
    expect(messages.find((m) => m.kind === 'reminder_due')?.subject).toBe(
      `Invoice ${invoices[0]?.number} is due today`,
    )
  }, 180_000)

  it('keeps 09:00 local across Lisbon’s and Auckland’s DST changes', async () => {
    t.clock.set('2026-03-20T12:00:00Z')
    const lisbon = await openInvoice(t, owner, { dueDate: '2026-03-29', timezone: 'Europe/Lisbon' })
    const auckland = await openInvoice(t, owner, { dueDate: '2026-04-05', timezone: 'Pacific/Auckland' })
    const ids = [lisbon.id, auckland.id]
    const sent = await sweep('2026-03-29T06:00:00Z', '2026-03-29T10:00:00Z', ids)
    // WET until 01:00 on the 29th, WEST after: 09:00 local is 08:00 UTC that day.
    expect(sent.get(`${lisbon.id}/due`)).toBe('2026-03-29T08:00:00.000Z')
    const nz = await sweep('2026-04-04T19:00:00Z', '2026-04-04T23:00:00Z', ids)
    // NZDT ends at 03:00 on April 5: 09:00 NZST is 21:00 UTC the day before.
    expect(nz.get(`${auckland.id}/due`)).toBe('2026-04-04T21:00:00.000Z')
    const rows = await reminderSends(t, ids)
    expect(rows.filter((r) => r.step_key === 'due')).toHaveLength(2)
  }, 120_000)

  it('sends only the latest due step after a missed run, records the earlier ones as skipped, and never sends them later', async () => {
    t.clock.set('2026-05-01T12:00:00Z')
    const invoice = await openInvoice(t, owner, { dueDate: '2026-05-10', timezone: 'UTC' })
    // No run from before the due date until after the second overdue reminder (May 17).
    await runRemindersAt(t, '2026-05-18T10:00:00Z', owner)
    expect((await reminderSends(t, [invoice.id])).map((r) => [r.step_key, r.status])).toEqual([
      ['before_due', 'skipped'],
      ['due', 'skipped'],
      ['overdue_1', 'skipped'],
      ['overdue_2', 'sent'],
    ])
    await runRemindersAt(t, '2026-05-24T08:59:00Z', owner)
    expect(await reminderSends(t, [invoice.id])).toHaveLength(4)
    await runRemindersAt(t, '2026-05-24T09:00:00Z', owner)
    await runRemindersAt(t, '2026-05-24T09:15:00Z', owner)
    const rows = await reminderSends(t, [invoice.id])
    expect(rows.filter((r) => r.status === 'sent').map((r) => r.step_key)).toEqual(['overdue_2', 'final'])
    expect((await reminderMessages(t, [invoice.id])).map((m) => m.kind)).toEqual([
      'reminder_overdue_2',
      'reminder_final',
    ])
  })

  it('reminds nothing for paid, void or draft invoices', async () => {
    t.clock.set('2026-06-01T12:00:00Z')
    const paid = await openInvoice(t, owner, { dueDate: '2026-06-05' })
    const pay = await t.request('POST', `/api/v1/invoices/${paid.id}/payments`, {
      as: owner,
      body: { amount: '100.00', method: 'offchain' },
    })
    expect(pay.body.status).toBe('paid')
    const voided = await openInvoice(t, owner, { dueDate: '2026-06-05' })
    expect((await t.request('POST', `/api/v1/invoices/${voided.id}/void`, { as: owner })).status).toBe(200)
    const partly = await openInvoice(t, owner, { dueDate: '2026-06-05' })
    await t.request('POST', `/api/v1/invoices/${partly.id}/payments`, {
      as: owner,
      body: { amount: '40.00', method: 'offchain' },
    })
    const { createInvoice } = await import('./invoices.js')
    const draft = await createInvoice(t, owner, partly.customerId, { dueDate: '2026-06-05' })

    await runRemindersAt(t, '2026-06-05T09:00:00Z', owner)
    const rows = await reminderSends(t, [paid.id, voided.id, draft.id, partly.id])
    expect(rows.map((r) => [r.invoice_id, r.step_key, r.status])).toEqual([
      [partly.id, 'before_due', 'skipped'],
      [partly.id, 'due', 'sent'],
    ])
    const messages = await reminderMessages(t, [paid.id, voided.id, draft.id, partly.id])
    expect(messages.map((m) => [m.invoice_id, m.kind])).toEqual([[partly.id, 'reminder_due']])
  })

  it('two runs at once send every (invoice, step) exactly once', async () => {
    t.clock.set('2026-07-01T12:00:00Z')
    const ids: string[] = []
    for (let i = 0; i < 24; i++) ids.push((await openInvoice(t, owner, { dueDate: '2026-07-05' })).id)
    t.clock.set('2026-07-08T09:00:00Z')
    await Promise.all([remindersRunJob.handler(scope(), t.core), remindersRunJob.handler(scope(), t.core)])
    await Promise.all([remindersRunJob.handler(scope(), t.core), remindersRunJob.handler(scope(), t.core)])
    const rows = await reminderSends(t, ids)
    expect(rows).toHaveLength(3 * ids.length)
    for (const id of ids) {
      expect(rows.filter((r) => r.invoice_id === id).map((r) => [r.step_key, r.status])).toEqual([
        ['before_due', 'skipped'],
        ['due', 'skipped'],
        ['overdue_1', 'sent'],
      ])
    }
    const messages = await reminderMessages(t, ids)
    expect(messages).toHaveLength(ids.length)
    expect(new Set(messages.map((m) => m.dedupe_key)).size).toBe(ids.length)
    expect(messages.every((m) => m.kind === 'reminder_overdue_1')).toBe(true)
  }, 120_000)

  it('a run killed mid-way leaves nothing half-done: the next run sends every step once', async () => {
    // A merchant of its own: the earlier tests' invoices have steps due on these dates too.
    const merchant = await t.signup({ merchantName: 'Acme Killed' })
    const scope = () => ({ merchantId: merchant.merchantId })
    t.clock.set('2026-08-01T12:00:00Z')
    const ids: string[] = []
    for (let i = 0; i < 12; i++) ids.push((await openInvoice(t, merchant, { dueDate: '2026-08-05' })).id)
    t.clock.set('2026-08-05T09:00:00Z')
    let batches = 0
    const dying: typeof queueReminderMessages = async (trx, messages) => {
      const queued = await queueReminderMessages(trx, messages)
      // The second batch dies after its messages were written, before it commits.
      if (++batches === 2) throw new Error('worker killed')
      return queued
    }
    await expect(runReminders(t.core, scope(), { queue: dying, batchSize: 5 })).rejects.toThrow(
      'worker killed',
    )
    // The first batch of five committed; the second died with its transaction.
    expect((await reminderSends(t, ids)).filter((r) => r.status === 'sent')).toHaveLength(5)
    expect(await reminderMessages(t, ids)).toHaveLength(5)
    await runReminders(t.core, scope(), { batchSize: 5 })
    await runReminders(t.core, scope(), { batchSize: 5 })
    const rows = await reminderSends(t, ids)
    for (const id of ids) {
      expect(rows.filter((r) => r.invoice_id === id && r.status === 'sent').map((r) => r.step_key)).toEqual([
        'due',
      ])
    }
    const messages = await reminderMessages(t, ids)
    expect(messages.map((m) => m.dedupe_key).sort()).toEqual(ids.map((id) => `reminder:${id}:due`).sort())
  }, 120_000)
})
