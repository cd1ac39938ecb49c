import { describe, expect, it } from 'vitest'
import { decideSteps, type PendingStep } from './decide.js'
import { reminderZone, sendAt, startOfDay, stepDate } from './schedule.js'

describe('sendAt: 09:00 local on the date', () => {
  it('follows each zone’s own offset on that date', () => {
    expect(sendAt('2026-03-10', 'UTC').toISOString()).toBe('2026-03-10T09:00:00.000Z')
    expect(sendAt('2026-03-10', 'Asia/Kolkata').toISOString()).toBe('2026-03-10T03:30:00.000Z')
    expect(sendAt('2026-03-10', 'Pacific/Auckland').toISOString()).toBe('2026-03-09T20:00:00.000Z')
    expect(sendAt('2026-03-10', 'Asia/Kathmandu').toISOString()).toBe('2026-03-10T03:15:00.000Z')
  })

  it('keeps 09:00 across daylight-saving changes: the UTC instant moves, the local hour does not', () => {
    // US: EST (−5) until 2026-03-08 02:00, EDT (−4) after.
    expect(sendAt('2026-03-07', 'America/New_York').toISOString()).toBe('2026-03-07T14:00:00.000Z')
    expect(sendAt('2026-03-08', 'America/New_York').toISOString()).toBe('2026-03-08T13:00:00.000Z')
    // Lisbon: WET (0) until 2026-03-29 01:00, WEST (+1) after; back on 2026-10-25.
    expect(sendAt('2026-03-28', 'Europe/Lisbon').toISOString()).toBe('2026-03-28T09:00:00.000Z')
    expect(sendAt('2026-03-29', 'Europe/Lisbon').toISOString()).toBe('2026-03-29T08:00:00.000Z')
    expect(sendAt('2026-10-25', 'Europe/Lisbon').toISOString()).toBe('2026-10-25T09:00:00.000Z')
    // Auckland leaves NZDT (+13) for NZST (+12) on 2026-04-05 03:00.
    expect(sendAt('2026-04-04', 'Pacific/Auckland').toISOString()).toBe('2026-04-03T20:00:00.000Z')
    expect(sendAt('2026-04-05', 'Pacific/Auckland').toISOString()).toBe('2026-04-04T21:00:00.000Z')
  })

  it('midnight of a DST day is the day’s start, not 09:00 minus nine hours', () => {
    expect(startOfDay('2026-03-08', 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z')
  })

  it('counts calendar days across month ends and the customer’s zone falls back to the merchant’s, then UTC', () => {
    expect(stepDate('2026-02-27', 3)).toBe('2026-03-02')
    expect(stepDate('2026-03-01', -3)).toBe('2026-02-26')
    expect(reminderZone(null, 'Europe/Lisbon')).toBe('Europe/Lisbon')
    expect(reminderZone('Asia/Kolkata', 'Europe/Lisbon')).toBe('Asia/Kolkata')
    expect(reminderZone(null, null)).toBe('UTC')
    expect(reminderZone('Not/AZone', null)).toBe('UTC')
  })
})

const steps: PendingStep[] = [
  { key: 'before_due', kind: 'reminder_before_due', position: 1, offsetDays: -3, relativeTo: 'due' },
  { key: 'due', kind: 'reminder_due', position: 2, offsetDays: 0, relativeTo: 'due' },
  { key: 'overdue_1', kind: 'reminder_overdue_1', position: 3, offsetDays: 3, relativeTo: 'due' },
]
const invoice = {
  issueDate: '2026-03-01',
  dueDate: '2026-03-10',
  sentAt: new Date('2026-03-01T12:00:00Z'),
  customerZone: 'America/New_York',
  merchantZone: null,
}

describe('decideSteps', () => {
  it('leaves steps whose 09:00 local has not come', () => {
    expect(decideSteps(invoice, steps, new Date('2026-03-07T13:59:59Z'))).toEqual([])
  })

  it('sends the latest due step of a missed run and skips the earlier ones', () => {
    const decided = decideSteps(invoice, steps, new Date('2026-03-14T00:00:00Z'))
    expect(decided.map((d) => [d.step.key, d.status])).toEqual([
      ['before_due', 'skipped'],
      ['due', 'skipped'],
      ['overdue_1', 'sent'],
    ])
    expect(decided[2]?.dueAt.toISOString()).toBe('2026-03-13T13:00:00.000Z')
  })

  it('skips a step that was due before the invoice was sent', () => {
    const late = { ...invoice, sentAt: new Date('2026-03-10T15:00:00Z') }
    const decided = decideSteps(late, steps, new Date('2026-03-10T15:15:00Z'))
    expect(decided.map((d) => [d.step.key, d.status])).toEqual([
      ['before_due', 'skipped'],
      ['due', 'skipped'],
    ])
  })
})
