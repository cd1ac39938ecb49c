import { sql, type Transaction } from 'kysely'
import type { CoreDeps } from '../../../context.js'
import type { Database } from '../../../db/database.js'
import { newId } from '../../../db/ids.js'
import { inTransaction } from '../../../db/transaction.js'
import { formatMinor, toMinor } from '../../invoices/money.js'
import { publicLink } from '../../messages/links.js'
import { fiatDecimals } from '../../rates/convert.js'
import { type Decision, decideSteps, type PendingStep } from '../decide.js'
import { type QueueReminders, reminderDedupeKey } from '../deliver.js'
import { DEFAULT_STEPS, type ReminderKind } from '../policy.js'
import { latestPossiblyDueDate, stepDate } from '../schedule.js'
import { recordSends, type SendRow } from './record-sends.js'

/** Invoices decided per transaction. */
export const REMINDER_BATCH_SIZE = 500
/**
 * A step more than this many days past its date is not sent any more: a run missed for over a month does
 * not wake up with stale notices, and an unpaid invoice stops being looked at once its last step is this old.
 */
export const CATCH_UP_DAYS = 30

export interface RunRemindersOptions {
  deps: Pick<CoreDeps, 'db' | 'clock'>
  queue: QueueReminders
  merchantId?: string | undefined
  batchSize?: number
}

const NO_ID = '00000000-0000-0000-0000-000000000000'
const defaults = () => sql`${JSON.stringify(DEFAULT_STEPS)}::jsonb`

/**
 * Sends every invoice reminder that is due, at most once per (invoice, step), in batches: each batch locks
 * its invoices (skipping those another run or a payment holds), decides their due steps (decide.ts), claims
 * them in reminder_sends and queues the messages in one transaction. Parallel runs share the work; the
 * unique (invoice_id, step_key) guards the rest. Returns how many reminders were sent and skipped.
 */
export async function runInvoiceReminders(opts: RunRemindersOptions) {
  const now = opts.deps.clock.now()
  const window = await offsetWindow(opts, now)
  let sent = 0
  let skipped = 0
  if (!window) return { sent, skipped }
  let cursor = NO_ID
  for (;;) {
    const batch = await inTransaction(opts.deps.db, (trx) => reminderBatch(trx, opts, window, now, cursor))
    sent += batch.sent
    skipped += batch.skipped
    if (!batch.last) return { sent, skipped }
    cursor = batch.last
  }
}

interface Window {
  lo: string
  hi: string
  due: { lo: string; hi: string } | null
  issue: { lo: string; hi: string } | null
}

/**
 * The step dates a run looks at (from CATCH_UP_DAYS ago to tomorrow, UTC) and, through the smallest and
 * largest offsets of every policy in scope, the due and issue dates an invoice can have to have such a step:
 * what lets the invoice indexes narrow the run to the few invoices concerned.
 */
async function offsetWindow(opts: RunRemindersOptions, now: Date): Promise<Window | null> {
  const hi = latestPossiblyDueDate(now)
  const lo = stepDate(now.toISOString().slice(0, 10), -CATCH_UP_DAYS)
  const merchant = opts.merchantId ? sql`where merchant_id = ${opts.merchantId}` : sql``
  const rows = await sql<{ rel: 'due' | 'issue'; min: number; max: number }>`
    select e.step->>'relativeTo' as rel, min((e.step->>'offsetDays')::int) as min,
      max((e.step->>'offsetDays')::int) as max
    from (select steps from reminder_policies ${merchant} union all select ${defaults()}) p
    cross join lateral jsonb_array_elements(p.steps) as e(step)
    where (e.step->>'enabled')::boolean
    group by 1`.execute(opts.deps.db)
  const range = (rel: 'due' | 'issue') => {
    const r = rows.rows.find((x) => x.rel === rel)
    return r ? { lo: stepDate(lo, -Number(r.max)), hi: stepDate(hi, -Number(r.min)) } : null
  }
  const due = range('due')
  const issue = range('issue')
  return due || issue ? { lo, hi, due, issue } : null
}

/** The enabled, undecided steps of invoice `i` whose date falls in the window: a lateral join over its policy. */
function pendingSteps(window: Window) {
  return sql`customers c
    left join reminder_policies cp on cp.customer_id = c.id
    left join reminder_policies mp on mp.merchant_id = i.merchant_id and mp.customer_id is null
    cross join lateral jsonb_array_elements(coalesce(cp.steps, mp.steps, ${defaults()}))
      with ordinality as e(step, position)
    where c.id = i.customer_id and (e.step->>'enabled')::boolean
      and (case when e.step->>'relativeTo' = 'due' then i.due_date else i.issue_date end)
        + (e.step->>'offsetDays')::int between ${window.lo}::date and ${window.hi}::date
      and not exists (select 1 from reminder_sends r where r.invoice_id = i.id and r.step_key = e.step->>'key')`
}

async function reminderBatch(
  trx: Transaction<Database>,
  opts: RunRemindersOptions,
  window: Window,
  now: Date,
  cursor: string,
) {
  const dates = [
    window.due ? sql`i.due_date between ${window.due.lo}::date and ${window.due.hi}::date` : null,
    window.issue ? sql`i.issue_date between ${window.issue.lo}::date and ${window.issue.hi}::date` : null,
  ].filter((d) => d !== null)
  const locked = await sql<{ id: string }>`
    select i.id from invoices i
    where i.status in ('open', 'partially_paid') and (${sql.join(dates, sql` or `)})
      ${opts.merchantId ? sql`and i.merchant_id = ${opts.merchantId}` : sql``}
      and i.id > ${cursor}::uuid
      and exists (select 1 from ${pendingSteps(window)})
    order by i.id
    limit ${opts.batchSize ?? REMINDER_BATCH_SIZE}
    for update of i skip locked`.execute(trx)
  const ids = locked.rows.map((r) => r.id)
  if (ids.length === 0) return { sent: 0, skipped: 0, last: null }

  const rows = await sql<PendingRow>`
    select i.id, i.merchant_id, i.customer_id, i.number, i.currency, i.total, i.amount_paid,
      i.issue_date::text as issue_date, i.due_date::text as due_date, i.pay_token,
      coalesce(i.sent_at, i.created_at) as sent_at, e.customer_zone, m.timezone as merchant_zone,
      e.step->>'key' as key, e.step->>'kind' as kind, (e.step->>'offsetDays')::int as offset_days,
      e.step->>'relativeTo' as relative_to, e.position::int as position
    from invoices i
    join merchants m on m.id = i.merchant_id
    cross join lateral (select e.*, c.timezone as customer_zone from ${pendingSteps(window)}) e
    where i.id = any(${ids}::uuid[])
    order by i.id, e.position`.execute(trx)

  const decided: { invoice: PendingRow; decision: Decision }[] = []
  for (const group of groupBy(rows.rows, (r) => r.id)) {
    const first = group[0] as PendingRow
    const steps: PendingStep[] = group.map((r) => ({
      key: r.key,
      kind: r.kind as ReminderKind,
      position: Number(r.position),
      offsetDays: Number(r.offset_days),
      relativeTo: r.relative_to,
    }))
    const invoice = {
      issueDate: first.issue_date,
      dueDate: first.due_date,
      sentAt: new Date(first.sent_at),
      customerZone: first.customer_zone,
      merchantZone: first.merchant_zone,
    }
    for (const decision of decideSteps(invoice, steps, now)) decided.push({ invoice: first, decision })
  }
  const claimed = await recordSends(
    trx,
    decided.map(
      ({ invoice, decision }): SendRow => ({
        id: newId(),
        merchantId: invoice.merchant_id,
        invoiceId: invoice.id,
        subscriptionId: null,
        stepKey: decision.step.key,
        kind: decision.step.kind,
        status: decision.status,
        dueAt: decision.dueAt,
      }),
    ),
    (rows) => {
      const byKey = new Map(decided.map((d) => [`${d.invoice.id}/${d.decision.step.key}`, d]))
      return opts.queue(
        trx,
        rows.map((row) => {
          const found = byKey.get(`${row.invoiceId}/${row.stepKey}`)
          if (!found) throw new Error(`no decision for ${row.invoiceId}/${row.stepKey}`)
          return {
            merchantId: row.merchantId,
            customerId: found.invoice.customer_id,
            kind: found.decision.step.kind,
            variables: invoiceVariables(found.invoice, found.decision),
            dedupeKey: reminderDedupeKey(found.invoice.id, row.stepKey),
            related: { invoiceId: found.invoice.id },
          }
        }),
      )
    },
  )
  return { ...claimed, last: ids.at(-1) ?? null }
}

interface PendingRow {
  id: string
  merchant_id: string
  customer_id: string
  number: string
  currency: string
  total: string
  amount_paid: string
  issue_date: string
  due_date: string
  pay_token: string | null
  sent_at: Date | string
  customer_zone: string | null
  merchant_zone: string | null
  key: string
  kind: string
  offset_days: number
  relative_to: 'issue' | 'due'
  position: number | string
}

/** What the reminder templates may use (modules/messages lists them per kind). */
function invoiceVariables(row: PendingRow, decision: Decision) {
  const fd = fiatDecimals(row.currency)
  const total = toMinor(row.total, fd)
  const paid = toMinor(row.amount_paid, fd)
  const days = Math.round((Date.parse(decision.date) - Date.parse(row.due_date)) / 86_400_000)
  return {
    invoice: {
      id: row.id,
      number: row.number,
      total: formatMinor(total, fd),
      amountPaid: formatMinor(paid, fd),
      amountDue: formatMinor(total > paid ? total - paid : 0n, fd),
      currency: row.currency,
      issueDate: row.issue_date,
      dueDate: row.due_date,
      daysUntilDue: Math.max(0, -days),
      daysOverdue: Math.max(0, days),
    },
    payLink: row.pay_token ? publicLink(`/pay/${row.pay_token}`) : '',
  }
}

function groupBy<T>(items: T[], key: (t: T) => string): T[][] {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const k = key(item)
    const g = groups.get(k)
    if (g) g.push(item)
    else groups.set(k, [item])
  }
  return [...groups.values()]
}
