import type { ReminderKind } from './policy.js'
import { reminderZone, sendAt, stepDate } from './schedule.js'

/** A step of an invoice not decided yet, as the run's query finds it. */
export interface PendingStep {
  key: string
  kind: ReminderKind
  /** Position in the policy: breaks ties between steps due at the same instant (the later one wins). */
  position: number
  offsetDays: number
  relativeTo: 'issue' | 'due'
}

export interface InvoiceDates {
  issueDate: string
  dueDate: string
  /** When the invoice went to the customer: a step due before it does not apply. */
  sentAt: Date
  customerZone: string | null
  merchantZone: string | null
}

export interface Decision {
  step: PendingStep
  /** The step's calendar date, and 09:00 on it in the customer's zone. */
  date: string
  dueAt: Date
  status: 'sent' | 'skipped'
}

/**
 * What a run does with an invoice's pending steps at `now`: of the steps whose 09:00 local has come, the
 * latest is sent and any earlier ones are recorded as skipped, so a missed run (a worker down for days)
 * sends one reminder, not a burst, and the skipped steps never fire later. A step due before the invoice
 * was sent is skipped too (the invoice email itself just went). Steps not due yet are left for a later run.
 */
export function decideSteps(invoice: InvoiceDates, steps: PendingStep[], now: Date): Decision[] {
  const zone = reminderZone(invoice.customerZone, invoice.merchantZone)
  const due = steps
    .map((step) => {
      const base = step.relativeTo === 'due' ? invoice.dueDate : invoice.issueDate
      const date = stepDate(base, step.offsetDays)
      return { step, date, dueAt: sendAt(date, zone) }
    })
    .filter((s) => s.dueAt.getTime() <= now.getTime())
  if (due.length === 0) return []
  const applicable = due.filter((s) => s.dueAt.getTime() >= invoice.sentAt.getTime())
  const latest = applicable.reduce<(typeof due)[number] | null>(
    (best, s) =>
      !best ||
      s.dueAt.getTime() > best.dueAt.getTime() ||
      (s.dueAt.getTime() === best.dueAt.getTime() && s.step.position > best.step.position)
        ? s
        : best,
    null,
  )
  return due.map((s) => ({ ...s, status: s === latest ? 'sent' : 'skipped' }))
}
