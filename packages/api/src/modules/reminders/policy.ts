import { z } from '@hono/zod-openapi'

/** The message kinds a reminder step may send (templates live with the mailer, modules/messages). */
export const REMINDER_KINDS = [
  'reminder_before_due',
  'reminder_due',
  'reminder_overdue_1',
  'reminder_overdue_2',
  'reminder_final',
] as const
export type ReminderKind = (typeof REMINDER_KINDS)[number]

/** The kind a renewal notice sends. */
export const RENEWAL_KIND = 'subscription_renewal_upcoming' as const

/** Longest offset a step may have, either way. */
export const MAX_OFFSET_DAYS = 365
export const MAX_STEPS = 20

/**
 * One step: `offsetDays` after (or, negative, before) the invoice's due date or issue date, at 09:00 in the
 * customer's time zone. The key is the step's identity: it keys the exactly-once record of each
 * (invoice, step), so editing a step's offset keeps its key and an invoice that got it does not get it again.
 */
export const reminderStepSchema = z
  .strictObject({
    key: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9_+-]{0,39}$/, 'must be 1–40 lower-case letters, digits, "_", "+" or "-"')
      .optional()
      .openapi({
        description: 'Stable identity of the step; derived from relativeTo and offsetDays if omitted',
      }),
    offsetDays: z
      .number()
      .int('must be a whole number of days')
      .min(-MAX_OFFSET_DAYS, `must be at least -${MAX_OFFSET_DAYS}`)
      .max(MAX_OFFSET_DAYS, `must be at most ${MAX_OFFSET_DAYS}`)
      .openapi({ description: 'Days after the date (negative: before)', example: 3 }),
    relativeTo: z.enum(['issue', 'due']).openapi({ description: 'The invoice date the offset counts from' }),
    kind: z.enum(REMINDER_KINDS),
    enabled: z.boolean().default(true),
  })
  .openapi('ReminderStepInput')

export type ReminderStepInput = z.input<typeof reminderStepSchema>

/** A stored step: every field set. */
export interface ReminderStep {
  key: string
  offsetDays: number
  relativeTo: 'issue' | 'due'
  kind: ReminderKind
  enabled: boolean
}

/** The overdue kinds: an email that says the invoice is late. */
const OVERDUE_KINDS: readonly ReminderKind[] = ['reminder_overdue_1', 'reminder_overdue_2', 'reminder_final']

/**
 * What is wrong with a step's email for its day, counted from the due date: a "before due" email on or
 * after it, or an overdue one on or before it.
 */
function kindMismatch(s: ReminderStep): string | undefined {
  if (s.relativeTo !== 'due') return undefined
  if (s.kind === 'reminder_before_due' && s.offsetDays >= 0)
    return 'sends the "before due" email on or after the due date: use a negative number of days'
  if (OVERDUE_KINDS.includes(s.kind) && s.offsetDays <= 0)
    return 'sends an overdue email before the invoice is overdue: use a positive number of days'
  return undefined
}

/**
 * A list of steps, checked as a whole: unique keys, nothing before the issue date, no two enabled steps
 * on the same day, and each email fits its day.
 */
export const reminderStepsSchema = z
  .array(reminderStepSchema)
  .max(MAX_STEPS, `must have at most ${MAX_STEPS} steps`)
  .superRefine((steps, ctx) => {
    const seen = new Map<string, number>()
    const days = new Map<string, number>()
    normalizeSteps(steps).forEach((s, i) => {
      if (s.relativeTo === 'issue' && s.offsetDays < 0)
        ctx.addIssue({
          code: 'custom',
          path: [i, 'offsetDays'],
          message: `step ${i + 1} (${s.key}) cannot come before the issue date`,
        })
      const mismatch = kindMismatch(s)
      if (mismatch) ctx.addIssue({ code: 'custom', path: [i, 'kind'], message: `step ${i + 1} ${mismatch}` })
      const day = `${s.relativeTo} ${s.offsetDays}`
      const sameDay = days.get(day)
      if (s.enabled && sameDay !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: [i, 'offsetDays'],
          message: `step ${i + 1} is on the same day as step ${sameDay + 1}: a customer would get two emails at once`,
        })
      else if (s.enabled) days.set(day, i)
      const first = seen.get(s.key)
      if (first !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: [i, 'key'],
          message: `step ${i + 1} has the key "${s.key}" of step ${first + 1}: keys must be unique`,
        })
      else seen.set(s.key, i)
    })
  })

/** Steps with every field set: a missing key derived from the step's date, `enabled` true unless said. */
export function normalizeSteps(steps: readonly ReminderStepInput[]): ReminderStep[] {
  return steps.map((s) => ({
    key: s.key ?? defaultKey(s.relativeTo, s.offsetDays),
    offsetDays: s.offsetDays,
    relativeTo: s.relativeTo,
    kind: s.kind,
    enabled: s.enabled ?? true,
  }))
}

/** "due-3", "due+0", "issue+7": the key of a step created without one. */
export function defaultKey(relativeTo: 'issue' | 'due', offsetDays: number): string {
  return `${relativeTo}${offsetDays < 0 ? '-' : '+'}${Math.abs(offsetDays)}`
}

/** 3 days before due, on the due date, then 3, 7 and 14 days after (the last is the final notice). */
export const DEFAULT_STEPS: readonly ReminderStep[] = [
  { key: 'before_due', offsetDays: -3, relativeTo: 'due', kind: 'reminder_before_due', enabled: true },
  { key: 'due', offsetDays: 0, relativeTo: 'due', kind: 'reminder_due', enabled: true },
  { key: 'overdue_1', offsetDays: 3, relativeTo: 'due', kind: 'reminder_overdue_1', enabled: true },
  { key: 'overdue_2', offsetDays: 7, relativeTo: 'due', kind: 'reminder_overdue_2', enabled: true },
  { key: 'final', offsetDays: 14, relativeTo: 'due', kind: 'reminder_final', enabled: true },
]

/** "Renewal upcoming" this many days before a subscription's next period, by default. */
export const DEFAULT_RENEWAL_NOTICE_DAYS = 3

/** Steps as stored (jsonb), read back defensively: a row is trusted only as far as it parses. */
export function parseStoredSteps(value: unknown): ReminderStep[] {
  const parsed = reminderStepsSchema.safeParse(value)
  return parsed.success ? normalizeSteps(parsed.data) : [...DEFAULT_STEPS]
}
