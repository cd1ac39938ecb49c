import type { NetworkId, NetworkMode } from '@coinbook/chain-watchers'
import { stringify } from 'csv-stringify/sync'
import { strToU8, zipSync } from 'fflate'
import type { ServiceContext } from '../../../context.js'
import { loadCustomerMetrics } from '../../analytics/customer-metrics.js'
import { recordCustomerAudit } from '../../customers/services/audit.js'
import { loadLiveCustomer } from '../../customers/services/live-customers.js'
import { neutralise } from '../../exports/formula.js'
import { exportPayments } from '../../exports/services/export-payments.js'
import { formatFiat } from '../../payment-links/services/present.js'
import { getPaymentMethods } from '../../payment-methods/services/get-payment-methods.js'

export interface PrivacyExportOptions {
  mode: NetworkMode
  requiredConfirmations(n: NetworkId): number
  now: Date
}

const iso = (d: Date | null) => d?.toISOString() ?? null

/** A CSV file as the exports module writes them: UTF-8 with a byte order mark, every cell formula-guarded. */
function csvFile(header: string[], rows: (string | null)[][]): Uint8Array {
  const cells = rows.map((r) => r.map((v) => (v === null ? '' : neutralise(v))))
  return strToU8(`\uFEFF${stringify([header, ...cells])}`)
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = []
  const reader = stream.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    parts.push(value)
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

/**
 * Everything Coinbook holds about one live customer, as one zip: customer.json (the profile, metrics,
 * payment methods, subscriptions, credit, ratings, payment-link visits, avatar, events and audit trail) and payments.csv,
 * invoices.csv and messages.csv. The export itself lands in the customer's audit trail.
 */
export async function exportCustomerData({
  ctx,
  input,
  opts,
}: {
  ctx: ServiceContext
  input: { id: string }
  opts: PrivacyExportOptions
}): Promise<{ fileName: string; zip: Uint8Array }> {
  const m = ctx.merchantId
  const id = input.id
  const customer = await loadLiveCustomer(ctx.db, m, id)
  const [
    metrics,
    paymentMethods,
    invoices,
    lines,
    messages,
    subscriptions,
    credit,
    ratings,
    linkSessions,
    avatar,
    events,
    audit,
  ] = await Promise.all([
    loadCustomerMetrics(ctx.db, m, id, opts.now),
    getPaymentMethods({ ctx, customerId: id }),
    ctx.db
      .selectFrom('invoices')
      .selectAll()
      .where('merchant_id', '=', m)
      .where('customer_id', '=', id)
      .orderBy('id')
      .execute(),
    ctx.db
      .selectFrom('invoice_lines as l')
      .innerJoin('invoices as i', 'i.id', 'l.invoice_id')
      .select(['l.invoice_id', 'l.description', 'l.quantity', 'l.unit_amount', 'l.amount'])
      .where('i.merchant_id', '=', m)
      .where('i.customer_id', '=', id)
      .orderBy('l.invoice_id')
      .orderBy('l.position')
      .execute(),
    ctx.db
      .selectFrom('messages')
      .selectAll()
      .where('merchant_id', '=', m)
      .where('customer_id', '=', id)
      .orderBy('id')
      .execute(),
    ctx.db
      .selectFrom('subscriptions as s')
      .innerJoin('plans as p', 'p.id', 's.plan_id')
      .select(['s.id', 'p.name as plan', 's.status', 's.start_date', 's.next_period_start', 's.canceled_at'])
      .where('s.merchant_id', '=', m)
      .where('s.customer_id', '=', id)
      .orderBy('s.id')
      .execute(),
    ctx.db
      .selectFrom('customer_credit_entries')
      .select(['currency', 'amount', 'kind', 'invoice_id', 'created_at'])
      .where('merchant_id', '=', m)
      .where('customer_id', '=', id)
      .orderBy('id')
      .execute(),
    ctx.db
      .selectFrom('invoice_ratings as r')
      .innerJoin('invoices as i', 'i.id', 'r.invoice_id')
      .select(['i.number', 'r.rating', 'r.comment', 'r.created_at', 'r.updated_at'])
      .where('r.merchant_id', '=', m)
      .where('i.customer_id', '=', id)
      .orderBy('r.created_at')
      .execute(),
    // Their visits to payment links' pages that a payment tied to them (a merge re-points these).
    ctx.db
      .selectFrom('payment_link_sessions as s')
      .innerJoin('payment_links as l', 'l.id', 's.link_id')
      .select([
        'l.title',
        's.name',
        's.email',
        's.phone',
        's.billing_address',
        's.amount',
        's.currency',
        's.created_at',
        's.paid_at',
      ])
      .where('s.merchant_id', '=', m)
      .where('s.customer_id', '=', id)
      .orderBy('s.created_at')
      .orderBy('s.id')
      .execute(),
    ctx.db
      .selectFrom('customer_avatars')
      .select(['content_type', 'size', 'updated_at'])
      .where('merchant_id', '=', m)
      .where('customer_id', '=', id)
      .executeTakeFirst(),
    ctx.db
      .selectFrom('events')
      .select(['id', 'type', 'data', 'created_at'])
      .where('merchant_id', '=', m)
      .where('subject_id', '=', id)
      .orderBy('id')
      .execute(),
    ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor_type', 'data', 'created_at'])
      .where('merchant_id', '=', m)
      .where('subject_type', '=', 'customer')
      .where('subject_id', '=', id)
      .orderBy('id')
      .execute(),
  ])

  const payments = await readAll(
    exportPayments({
      ctx,
      input: { format: 'csv', customerId: id },
      present: { mode: opts.mode, requiredConfirmations: opts.requiredConfirmations },
    }),
  )
  const linesOf = (invoiceId: string) =>
    lines
      .filter((l) => l.invoice_id === invoiceId)
      .map(({ description, quantity, unit_amount, amount }) => ({
        description,
        quantity,
        unitAmount: unit_amount,
        amount,
      }))

  const document = {
    exportedAt: opts.now.toISOString(),
    files: ['customer.json', 'payments.csv', 'invoices.csv', 'messages.csv'],
    customer: { ...customer, metrics },
    addresses: { billing: customer.billingAddress, shipping: customer.shippingAddress },
    notes: customer.notes,
    paymentMethods,
    invoices: invoices.map((i) => ({ id: i.id, number: i.number, status: i.status, lines: linesOf(i.id) })),
    subscriptions: subscriptions.map((s) => ({
      id: s.id,
      plan: s.plan,
      status: s.status,
      startDate: s.start_date,
      nextPeriodStart: s.next_period_start,
      canceledAt: iso(s.canceled_at),
    })),
    credit: credit.map((c) => ({
      currency: c.currency,
      amount: c.amount,
      kind: c.kind,
      invoiceId: c.invoice_id,
      createdAt: c.created_at.toISOString(),
    })),
    ratings: ratings.map((r) => ({
      invoiceNumber: r.number,
      rating: r.rating,
      comment: r.comment,
      createdAt: r.created_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
    })),
    paymentLinks: linkSessions.map((s) => ({
      linkTitle: s.title,
      name: s.name,
      email: s.email,
      phone: s.phone,
      billingAddress: s.billing_address,
      amount: formatFiat(s.amount, s.currency),
      currency: s.currency,
      createdAt: s.created_at.toISOString(),
      paidAt: iso(s.paid_at),
    })),
    avatar: avatar
      ? { contentType: avatar.content_type, size: avatar.size, updatedAt: avatar.updated_at.toISOString() }
      : null,
    events: events.map((e) => ({
      id: e.id,
      type: e.type,
      data: e.data,
      createdAt: e.created_at.toISOString(),
    })),
    auditLog: audit.map((a) => ({
      action: a.action,
      actorType: a.actor_type,
      data: a.data,
      createdAt: a.created_at.toISOString(),
    })),
  }

  const invoicesCsv = csvFile(
    [
      'ID',
      'Number',
      'Status',
      'Currency',
      'Subtotal',
      'Tax',
      'Total',
      'Amount Paid',
      'Issue Date',
      'Due Date',
      'Sent At',
      'Paid At',
      'Voided At',
      'Memo',
    ],
    invoices.map((i) => [
      i.id,
      i.number,
      i.status,
      i.currency,
      i.subtotal,
      i.tax_total,
      i.total,
      i.amount_paid,
      i.issue_date,
      i.due_date,
      iso(i.sent_at),
      iso(i.paid_at),
      iso(i.voided_at),
      i.memo,
    ]),
  )
  const messagesCsv = csvFile(
    ['ID', 'Created At', 'Kind', 'To', 'Subject', 'Status', 'Sent At', 'Invoice ID', 'Payment ID', 'Text'],
    messages.map((r) => [
      r.id,
      r.created_at.toISOString(),
      r.kind,
      r.to_address,
      r.subject,
      r.status,
      iso(r.sent_at),
      r.invoice_id,
      r.payment_id,
      r.text,
    ]),
  )
  const zip = zipSync({
    'customer.json': strToU8(JSON.stringify(document, null, 2)),
    'payments.csv': payments,
    'invoices.csv': invoicesCsv,
    'messages.csv': messagesCsv,
  })
  await recordCustomerAudit(ctx.db, ctx, { action: 'customer.exported', customerId: id, data: {} })
  return { fileName: `customer-${id}-${opts.now.toISOString().slice(0, 10)}.zip`, zip }
}
