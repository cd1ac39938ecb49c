import { type NetworkMode, paymentOptions } from '@coinbook/chain-watchers/registry'
import { type Kysely, sql, type Transaction } from 'kysely'
import { addUnits } from '../../../calendar.js'
import { addDays, type Clock, utcDate } from '../../../clock.js'
import type { Actor } from '../../../context.js'
import type { Database, PlanInterval } from '../../../db/database.js'
import { newId } from '../../../db/ids.js'
import { inTransaction } from '../../../db/transaction.js'
import { recordEvents } from '../../events/services/record-event.js'
import { formatMinor, toMinor } from '../../invoices/money.js'
import { applyCredit } from '../../invoices/services/credit.js'
import { invoiceEventObject } from '../../invoices/services/event-data.js'
import { newPayToken } from '../../invoices/services/send-invoice.js'
import { syncInvoice } from '../../invoices/services/sync.js'
import { fiatDecimals } from '../../rates/index.js'
import { subscriptionEventObject } from './event-data.js'

const SYSTEM: Actor = { type: 'system', id: null, role: 'admin' }
/** Subscriptions issued per transaction: large enough to amortise round trips, small enough to hold few locks. */
export const BILLING_BATCH_SIZE = 2000

export interface IssueOptions {
  db: Kysely<Database> | Transaction<Database>
  clock: Clock
  mode: NetworkMode
  /** Only these subscriptions (the API issues a new subscription's first period at once). */
  subscriptionId?: string
  /** Only this merchant's subscriptions. */
  merchantId?: string | undefined
  batchSize?: number
}

/**
 * Issues the invoice of every subscription period that has started and is not invoiced yet, catching up
 * every missed period, in batches of set-based statements. Exactly once per (subscription, period): the
 * period is claimed with `insert … on conflict do nothing` on its primary key before the invoice is
 * numbered and written in the same transaction, and parallel runs skip rows another run has locked
 * (sharing the work) without stopping before every due period is issued.
 * Returns how many invoices this run issued.
 */
export async function issuePeriodInvoices(opts: IssueOptions): Promise<number> {
  let issued = 0
  let idle = 0
  for (;;) {
    const batch = await inTransaction(opts.db, (trx) => issueBatch(trx, opts))
    issued += batch.issued
    if (batch.seen > 0) {
      idle = 0
      continue
    }
    // Nothing unlocked was due. Rows may still be due but locked for a moment by someone else (another
    // run's batch, or a status update): look again shortly, and leave the rest to the next run after a
    // while, so a run never stops early just because it met a lock.
    const locked = await dueSubscriptions(opts.db, opts, utcDate(opts.clock.now()))
      .select('s.id')
      .limit(1)
      .executeTakeFirst()
    if (!locked || ++idle > IDLE_RETRIES) return issued
    await new Promise((resolve) => setTimeout(resolve, IDLE_WAIT_MS))
  }
}

const IDLE_RETRIES = 100
const IDLE_WAIT_MS = 50

/** Subscriptions whose next period has started and is to be invoiced. */
function dueSubscriptions(db: IssueOptions['db'], opts: IssueOptions, today: string) {
  let q = db
    .selectFrom('subscriptions as s')
    .where('s.status', 'in', ['trialing', 'active', 'past_due'])
    .where('s.next_period_start', '<=', today)
    .where((eb) =>
      eb.or([eb('s.cancel_at', 'is', null), eb('s.next_period_start', '<', eb.ref('s.cancel_at'))]),
    )
  if (opts.subscriptionId) q = q.where('s.id', '=', opts.subscriptionId)
  if (opts.merchantId) q = q.where('s.merchant_id', '=', opts.merchantId)
  return q
}

async function issueBatch(trx: Transaction<Database>, opts: IssueOptions) {
  const now = opts.clock.now()
  const today = utcDate(now)
  const q = dueSubscriptions(trx, opts, today)
    .innerJoin('plans as p', 'p.id', 's.plan_id')
    .innerJoin('customers as c', 'c.id', 's.customer_id')
    .select([
      's.id',
      's.merchant_id',
      's.customer_id',
      's.anchor_date',
      's.period_index',
      's.next_period_start',
      'p.name',
      'p.amount',
      'p.currency',
      'p.interval',
      'p.interval_count',
      'c.payment_terms_days',
      'c.auto_send',
    ])
  const due = await q
    .orderBy('s.next_period_start')
    .orderBy('s.id')
    .limit(opts.batchSize ?? BILLING_BATCH_SIZE)
    .forUpdate('s')
    .skipLocked()
    .execute()
  if (due.length === 0) return { seen: 0, issued: 0 }

  const periods = due.map((s) => ({
    ...s,
    invoiceId: newId(),
    periodEnd: addUnits(s.anchor_date, s.interval as PlanInterval, s.interval_count, s.period_index + 1),
  }))

  // Claim the periods; a period some other run already issued is not claimed again.
  const claimed = await sql<{ subscription_id: string }>`
    insert into subscription_periods (subscription_id, period_start, period_end, period_index, invoice_id)
    select * from unnest(${periods.map((p) => p.id)}::uuid[], ${periods.map((p) => p.next_period_start)}::date[],
      ${periods.map((p) => p.periodEnd)}::date[], ${periods.map((p) => p.period_index)}::int[],
      ${periods.map((p) => p.invoiceId)}::uuid[])
    on conflict do nothing
    returning subscription_id`.execute(trx)

  // Every subscription seen moves to its next period, claimed here or (a stale read) elsewhere.
  await sql`
    update subscriptions s set period_index = v.idx + 1, next_period_start = v.next, updated_at = ${now}
    from unnest(${periods.map((p) => p.id)}::uuid[], ${periods.map((p) => p.period_index)}::int[],
      ${periods.map((p) => p.periodEnd)}::date[]) as v(id, idx, next)
    where s.id = v.id and s.period_index = v.idx`.execute(trx)

  const mine = new Set(claimed.rows.map((r) => r.subscription_id))
  const toIssue = periods.filter((p) => mine.has(p.id))
  if (toIssue.length === 0) return { seen: due.length, issued: 0 }

  const numbers = await takeInvoiceNumbers(
    trx,
    toIssue.map((p) => p.merchant_id),
  )
  const accepts = await acceptsFor(trx, toIssue, opts.mode)
  const invoices = toIssue.map((p) => {
    const fd = fiatDecimals(p.currency)
    const amount = formatMinor(toMinor(p.amount, fd), fd)
    const number = numbers.get(p.merchant_id)?.shift()
    if (!number) throw new Error(`no invoice number taken for merchant ${p.merchant_id}`)
    return {
      ...p,
      number,
      amount,
      zero: formatMinor(0n, fd),
      dueDate: addDays(p.next_period_start, p.payment_terms_days ?? 0),
      description: `${p.name} (${p.next_period_start} to ${addDays(p.periodEnd, -1)})`,
      token: p.auto_send ? newPayToken() : null,
      accepts: JSON.stringify(accepts.get(`${p.merchant_id}/${p.customer_id}`) ?? []),
    }
  })
  const col = <T>(f: (i: (typeof invoices)[number]) => T) => invoices.map(f)

  await sql`
    insert into invoices (id, merchant_id, customer_id, number, status, currency, subtotal, tax_total, total,
      amount_paid, issue_date, due_date, accepts, pay_token, sent_at, created_at, updated_at)
    select v.id, v.merchant_id, v.customer_id, v.number, v.status, v.currency, v.amount, v.zero, v.amount,
      v.zero, v.issue_date, v.due_date, v.accepts::jsonb, v.token, v.sent_at, ${now}, ${now}
    from unnest(${col((i) => i.invoiceId)}::uuid[], ${col((i) => i.merchant_id)}::uuid[],
      ${col((i) => i.customer_id)}::uuid[], ${col((i) => i.number)}::text[],
      ${col((i) => (i.token ? 'open' : 'draft'))}::text[], ${col((i) => i.currency)}::text[],
      ${col((i) => i.amount)}::numeric[], ${col((i) => i.zero)}::numeric[],
      ${col((i) => i.next_period_start)}::date[], ${col((i) => i.dueDate)}::date[],
      ${col((i) => i.accepts)}::text[], ${col((i) => i.token)}::text[],
      ${col((i) => (i.token ? now.toISOString() : null))}::timestamptz[])
      as v(id, merchant_id, customer_id, number, status, currency, amount, zero, issue_date, due_date,
        accepts, token, sent_at)`.execute(trx)

  await sql`
    insert into invoice_lines (id, invoice_id, position, description, quantity, unit_amount, amount)
    select v.id, v.invoice_id, 0, v.description, 1, v.amount, v.amount
    from unnest(${col(() => newId())}::uuid[], ${col((i) => i.invoiceId)}::uuid[],
      ${col((i) => i.description)}::text[], ${col((i) => i.amount)}::numeric[]) as v(id, invoice_id, description, amount)`.execute(
    trx,
  )

  const sent = invoices.filter((i) => i.token)
  const events = [
    ...invoices.map((i) => ({ invoiceId: i.invoiceId, from: null, to: 'draft', reason: 'created' })),
    ...sent.map((i) => ({ invoiceId: i.invoiceId, from: 'draft', to: 'open', reason: 'sent' })),
  ]
  await sql`
    insert into invoice_events (id, invoice_id, from_status, to_status, reason, at)
    select v.id, v.invoice_id, v.from_status, v.to_status, v.reason, ${now}
    from unnest(${events.map(() => newId())}::uuid[], ${events.map((e) => e.invoiceId)}::uuid[],
      ${events.map((e) => e.from)}::text[], ${events.map((e) => e.to)}::text[],
      ${events.map((e) => e.reason)}::text[]) as v(id, invoice_id, from_status, to_status, reason)`.execute(
    trx,
  )

  await recordIssueEvents(trx, invoices, now)
  await applyCreditToSent(trx, sent, now)
  return { seen: due.length, issued: invoices.length }
}

/**
 * The run's events, set-wise: invoice.created for every invoice, invoice.sent for those sent at once, and
 * subscription.renewed for every period after the first.
 */
async function recordIssueEvents(
  trx: Transaction<Database>,
  invoices: {
    id: string
    invoiceId: string
    merchant_id: string
    customer_id: string
    number: string
    currency: string
    amount: string
    zero: string
    next_period_start: string
    periodEnd: string
    period_index: number
    dueDate: string
    token: string | null
  }[],
  now: Date,
) {
  const objects = invoices.map((i) => ({
    invoice: i,
    object: invoiceEventObject({
      id: i.invoiceId,
      number: i.number,
      customer_id: i.customer_id,
      status: i.token ? 'open' : 'draft',
      currency: i.currency,
      total: i.amount,
      amount_paid: i.zero,
      issue_date: i.next_period_start,
      due_date: i.dueDate,
      sent_at: i.token ? now : null,
      paid_at: null,
      voided_at: null,
    }),
  }))
  const renewedIds = invoices.filter((i) => i.period_index > 0).map((i) => i.id)
  const renewed = renewedIds.length
    ? await trx.selectFrom('subscriptions').selectAll().where('id', 'in', renewedIds).execute()
    : []
  const byId = new Map(invoices.map((i) => [i.id, i]))
  await recordEvents(trx, [
    ...objects.map(({ invoice, object }) => ({
      merchantId: invoice.merchant_id,
      type: 'invoice.created' as const,
      subjectId: invoice.invoiceId,
      at: now,
      data: { object: { ...object, status: 'draft' as const, sentAt: null }, subscriptionId: invoice.id },
    })),
    ...objects
      .filter(({ invoice }) => invoice.token)
      .map(({ invoice, object }) => ({
        merchantId: invoice.merchant_id,
        type: 'invoice.sent' as const,
        subjectId: invoice.invoiceId,
        at: now,
        data: { object, previousStatus: 'draft', subscriptionId: invoice.id },
      })),
    ...renewed.map((row) => {
      const period = byId.get(row.id)
      return {
        merchantId: row.merchant_id,
        type: 'subscription.renewed' as const,
        subjectId: row.id,
        at: now,
        data: {
          object: subscriptionEventObject(row),
          period: {
            index: period?.period_index ?? null,
            start: period?.next_period_start ?? null,
            end: period?.periodEnd ?? null,
            invoiceId: period?.invoiceId ?? null,
          },
        },
      }
    }),
  ])
}

/**
 * Takes `count` consecutive numbers per merchant from the per-merchant counter rows, locked in merchant
 * order so parallel runs never deadlock; returns each merchant's numbers in order.
 */
async function takeInvoiceNumbers(trx: Transaction<Database>, merchantIds: string[]) {
  const counts = new Map<string, number>()
  for (const m of merchantIds) counts.set(m, (counts.get(m) ?? 0) + 1)
  const merchants = [...counts.keys()].sort()
  await sql`
    insert into invoice_settings (merchant_id, underpayment_tolerance_percent)
    select m, 0 from unnest(${merchants}::uuid[]) as m order by m
    on conflict (merchant_id) do nothing`.execute(trx)
  await sql`select 1 from invoice_settings where merchant_id = any(${merchants}::uuid[])
    order by merchant_id for update`.execute(trx)
  const rows = await sql<{ merchant_id: string; number_prefix: string; next_number: number | string }>`
    update invoice_settings s set next_number = s.next_number + v.n, updated_at = now()
    from unnest(${merchants}::uuid[], ${merchants.map((m) => counts.get(m) ?? 0)}::int[]) as v(m, n)
    where s.merchant_id = v.m
    returning s.merchant_id, s.number_prefix, s.next_number`.execute(trx)
  const numbers = new Map<string, string[]>()
  for (const r of rows.rows) {
    const n = counts.get(r.merchant_id) ?? 0
    const first = Number(r.next_number) - n
    numbers.set(
      r.merchant_id,
      Array.from({ length: n }, (_, k) => `${r.number_prefix}${String(first + k).padStart(6, '0')}`),
    )
  }
  return numbers
}

/**
 * The coins each (merchant, customer) invoice accepts, as `resolveAccepts` chooses them without a request:
 * the customer's preferred coins the merchant receives, else everything the merchant receives. Two queries
 * per batch.
 */
async function acceptsFor(
  trx: Transaction<Database>,
  rows: { merchant_id: string; customer_id: string }[],
  mode: NetworkMode,
) {
  const merchants = [...new Set(rows.map((r) => r.merchant_id))]
  const customers = [...new Set(rows.map((r) => r.customer_id))]
  const [wallets, prefs] = await Promise.all([
    trx
      .selectFrom('wallets')
      .select(['merchant_id', 'network'])
      .where('merchant_id', 'in', merchants)
      .where('retired_at', 'is', null)
      .execute(),
    trx
      .selectFrom('customer_preferences')
      .select(['merchant_id', 'customer_id', 'asset', 'network'])
      .where('customer_id', 'in', customers)
      .orderBy('customer_id')
      .orderBy('position')
      .execute(),
  ])
  const options = paymentOptions(mode)
  const configured = new Map<string, { asset: string; network: string }[]>()
  for (const m of merchants) {
    const active = new Set(wallets.filter((w) => w.merchant_id === m).map((w) => w.network))
    configured.set(
      m,
      options.filter((o) => active.has(o.network)).map((o) => ({ asset: o.asset, network: o.network })),
    )
  }
  const byCustomer = new Map<string, typeof prefs>()
  for (const p of prefs) byCustomer.set(p.customer_id, [...(byCustomer.get(p.customer_id) ?? []), p])
  const result = new Map<string, { asset: string; network: string }[]>()
  for (const r of rows) {
    const coins = configured.get(r.merchant_id) ?? []
    const receivable = new Set(coins.map((c) => `${c.asset}/${c.network}`))
    const preferred = (byCustomer.get(r.customer_id) ?? [])
      .filter((p) => p.merchant_id === r.merchant_id && receivable.has(`${p.asset}/${p.network}`))
      .map((p) => ({ asset: p.asset, network: p.network }))
    result.set(`${r.merchant_id}/${r.customer_id}`, preferred.length ? preferred : coins)
  }
  return result
}

/** Sent invoices of customers holding credit in their currency use it at once, as a sent draft would. */
async function applyCreditToSent(
  trx: Transaction<Database>,
  sent: { invoiceId: string; merchant_id: string; customer_id: string; currency: string; amount: string }[],
  at: Date,
) {
  if (sent.length === 0) return
  const holders = await trx
    .selectFrom('customer_credit_entries')
    .select(['customer_id', 'currency'])
    .where('customer_id', 'in', [...new Set(sent.map((s) => s.customer_id))])
    .groupBy(['customer_id', 'currency'])
    .having(sql`sum(amount)`, '>', 0)
    .execute()
  const withCredit = new Set(holders.map((h) => `${h.customer_id}/${h.currency}`))
  for (const s of sent) {
    if (!withCredit.has(`${s.customer_id}/${s.currency}`)) continue
    const invoice = {
      id: s.invoiceId,
      merchant_id: s.merchant_id,
      customer_id: s.customer_id,
      currency: s.currency,
      total: s.amount,
    }
    await applyCredit(trx, invoice, SYSTEM, at)
    await syncInvoice(trx, s.invoiceId, { at, reason: 'customer credit applied' })
  }
}
