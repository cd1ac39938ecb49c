import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCustomer } from './factories.js'
import { createTestApp, type Session, type TestApp } from './harness.js'
import { openInvoice, reminderMessages, reminderSends, runRemindersAt } from './reminders.js'
import { createPlan, subscribe } from './subscriptions.js'

let t: TestApp
let owner: Session

beforeAll(async () => {
  t = await createTestApp()
  owner = await t.signup({ merchantName: 'Acme Policy' })
  // PGlite migrates the whole schema here: slow on a busy machine.
}, 180_000)
afterAll(() => t.close())

const POLICY = '/api/v1/reminder-policy'
const step = (key: string, offsetDays: number, kind: string, extra: Record<string, unknown> = {}) => ({
  key,
  offsetDays,
  relativeTo: 'due',
  kind,
  ...extra,
})

describe('the reminder policy', () => {
  it('starts with the defaults: 3 days before due, on the due date, 3, 7 and 14 days after', async () => {
    const res = await t.request('GET', POLICY, { as: owner })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ isDefault: true, timezone: null, renewalNoticeDays: 3 })
    expect(res.body.steps.map((s: { offsetDays: number; kind: string }) => [s.offsetDays, s.kind])).toEqual([
      [-3, 'reminder_before_due'],
      [0, 'reminder_due'],
      [3, 'reminder_overdue_1'],
      [7, 'reminder_overdue_2'],
      [14, 'reminder_final'],
    ])
  })

  it('refuses a bad step with a 400 naming it', async () => {
    const bad = await t.request('PUT', POLICY, {
      as: owner,
      body: { steps: [step('a', 1, 'reminder_due'), step('b', 1.5, 'reminder_due')] },
    })
    expect(bad.status).toBe(400)
    expect(bad.body.errors).toEqual([
      { path: 'steps.1.offsetDays', message: 'must be a whole number of days' },
    ])

    const dup = await t.request('PUT', POLICY, {
      as: owner,
      body: { steps: [step('x', 1, 'reminder_due'), step('x', 2, 'reminder_final')] },
    })
    expect(dup.status).toBe(400)
    expect(dup.body.errors[0]).toMatchObject({ path: 'steps.1.key' })
    expect(dup.body.errors[0].message).toContain('keys must be unique')

    const before = await t.request('PUT', POLICY, {
      as: owner,
      body: { steps: [{ offsetDays: -1, relativeTo: 'issue', kind: 'reminder_due' }] },
    })
    expect(before.status).toBe(400)
    expect(before.body.errors[0].path).toBe('steps.0.offsetDays')

    const kind = await t.request('PUT', POLICY, { as: owner, body: { steps: [step('k', 0, 'receipt')] } })
    expect(kind.status).toBe(400)
    expect(kind.body.errors[0].path).toBe('steps.0.kind')

    // The QA case: the "before due" step moved from -3 to 3 lands on the first overdue step's day.
    const moved = await t.request('PUT', POLICY, {
      as: owner,
      body: { steps: [step('before_due', 3, 'reminder_before_due'), step('late', 3, 'reminder_overdue_1')] },
    })
    expect(moved.status).toBe(400)
    expect(moved.body.errors).toEqual([
      {
        path: 'steps.0.kind',
        message: expect.stringContaining('"before due" email on or after the due date'),
      },
      { path: 'steps.1.offsetDays', message: expect.stringContaining('same day as step 1') },
    ])
    const early = await t.request('PUT', POLICY, {
      as: owner,
      body: { steps: [step('late', 0, 'reminder_final')] },
    })
    expect(early.body.errors[0]).toMatchObject({
      path: 'steps.0.kind',
      message: expect.stringContaining('overdue email before the invoice is overdue'),
    })
    // A disabled step may share a day (it sends nothing); the issue date counts on its own.
    const fine = await t.request('PUT', POLICY, {
      as: owner,
      body: {
        steps: [
          step('late', 3, 'reminder_overdue_1'),
          step('later', 3, 'reminder_overdue_2', { enabled: false }),
          { key: 'issued', offsetDays: 3, relativeTo: 'issue', kind: 'reminder_due' },
        ],
      },
    })
    expect(fine.status, JSON.stringify(fine.body)).toBe(200)

    const zone = await t.request('PUT', POLICY, { as: owner, body: { steps: [], timezone: 'Mars/Olympus' } })
    expect(zone.status).toBe(400)
    expect(zone.body.errors[0].path).toBe('timezone')
  })

  it('saves steps, the merchant’s zone and the renewal notice; viewers may only read', async () => {
    const res = await t.request('PUT', POLICY, {
      as: owner,
      body: {
        steps: [
          { offsetDays: 0, relativeTo: 'due', kind: 'reminder_due' },
          step('late', 5, 'reminder_final', { enabled: false }),
        ],
        timezone: 'Europe/Lisbon',
        renewalNoticeDays: 5,
      },
    })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      isDefault: false,
      timezone: 'Europe/Lisbon',
      renewalNoticeDays: 5,
      steps: [
        { key: 'due+0', offsetDays: 0, relativeTo: 'due', kind: 'reminder_due', enabled: true },
        { key: 'late', offsetDays: 5, relativeTo: 'due', kind: 'reminder_final', enabled: false },
      ],
    })
    expect((await t.request('GET', POLICY, { as: owner })).body).toEqual(res.body)
    const viewer = await t.apiKey(owner, 'viewer')
    expect((await t.request('GET', POLICY, { as: viewer })).status).toBe(200)
    expect((await t.request('PUT', POLICY, { as: viewer, body: { steps: [] } })).status).toBe(403)
  })

  it('a customer override replaces the merchant’s steps for that customer until deleted', async () => {
    const merchant = await t.signup({ merchantName: 'Acme Override' })
    const customer = await createCustomer(t, merchant, { timezone: 'Asia/Kolkata' })
    const path = `/api/v1/customers/${customer.id}/reminder-policy`
    const inherited = await t.request('GET', path, { as: merchant })
    expect(inherited.body).toMatchObject({
      customerId: customer.id,
      inherited: true,
      timezone: 'Asia/Kolkata',
    })
    expect(inherited.body.steps).toHaveLength(5)

    const bad = await t.request('PUT', path, {
      as: merchant,
      body: { steps: [step('a', 999, 'reminder_due')] },
    })
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].path).toBe('steps.0.offsetDays')

    const set = await t.request('PUT', path, {
      as: merchant,
      body: { steps: [step('gentle', 10, 'reminder_overdue_1')] },
    })
    expect(set.status).toBe(200)
    expect(set.body).toMatchObject({ inherited: false, steps: [{ key: 'gentle', offsetDays: 10 }] })

    // The override governs the run: nothing on the due date, the one step 10 days after.
    t.clock.set('2026-09-01T00:00:00Z')
    const invoice = await openInvoice(t, merchant, { dueDate: '2026-09-05', customerId: customer.id })
    await runRemindersAt(t, '2026-09-05T12:00:00Z', merchant)
    expect(await reminderSends(t, [invoice.id])).toEqual([])
    await runRemindersAt(t, '2026-09-15T03:30:00Z', merchant)
    expect((await reminderMessages(t, [invoice.id])).map((m) => m.kind)).toEqual(['reminder_overdue_1'])

    const removed = await t.request('DELETE', path, { as: merchant })
    expect(removed.body).toMatchObject({ inherited: true })
    expect(removed.body.steps).toHaveLength(5)

    // Another merchant's customer is not found.
    expect((await t.request('GET', path, { as: owner })).status).toBe(404)
    expect((await t.request('PUT', path, { as: owner, body: { steps: [] } })).status).toBe(404)
  })
})

describe('renewal notices', () => {
  it('go once, renewalNoticeDays before the next period at 09:00 local, through the same machinery', async () => {
    const merchant = await t.signup({ merchantName: 'Acme Renewals' })
    t.clock.set('2026-01-10T12:00:00Z')
    const plan = await createPlan(t, merchant)
    const customer = await createCustomer(t, merchant, { timezone: 'America/New_York' })
    const sub = await subscribe(t, merchant, {
      customerId: customer.id,
      planId: plan.id,
      startDate: '2026-01-10',
    })
    // Next period Feb 10; notice Feb 7 09:00 New York (14:00 UTC).
    await runRemindersAt(t, '2026-02-07T13:45:00Z', merchant)
    expect(await reminderMessages(t, [sub.id])).toEqual([])
    await runRemindersAt(t, '2026-02-07T14:00:00Z', merchant)
    await runRemindersAt(t, '2026-02-07T14:15:00Z', merchant)
    const messages = await reminderMessages(t, [sub.id])
    expect(messages.map((m) => [m.kind, m.dedupe_key])).toEqual([
      ['subscription_renewal_upcoming', `reminder:${sub.id}:renewal:2026-02-10`],
    ])
    expect(messages[0]?.subject).toBe('Your Pro subscription renews on 2026-02-10')
  })
})
