import { sql, type Transaction } from 'kysely'
import type { Database } from '../../db/database.js'
import type { EventSubscriber } from '../events/subscribers.js'
import type { DomainEvent } from '../events/types.js'
import { type QueueMessageInput, queueMessages } from './services/queue-message.js'
import { invoiceVariables, latestInvoicePayments, paymentVariables } from './services/variables.js'

const MAILED = new Set([
  'invoice.sent',
  'invoice.partially_paid',
  'invoice.overpaid',
  'payment.confirmed',
  'subscription.past_due',
  'subscription.canceled',
  'customer.created',
])

type EventObject = Record<string, unknown>
const objectOf = (e: DomainEvent) => (e.data.object ?? {}) as EventObject
const str = (v: unknown) => (typeof v === 'string' ? v : '')

/**
 * The mailer's reaction to events, in their transaction and set-wise: an invoice sent → the invoice email;
 * a payment confirmed on an invoice → the receipt; partially paid → what remains; overpaid → the credit;
 * subscription past due / canceled → those mails; customer created → welcome (only if the merchant turned it
 * on). Every message has a dedupe key, so an event processed twice never mails twice.
 */
export const queueEventMessages: EventSubscriber = async (trx, events) => {
  const byMerchant = new Map<string, DomainEvent[]>()
  for (const e of events) {
    if (!MAILED.has(e.type)) continue
    const list = byMerchant.get(e.merchantId) ?? []
    list.push(e)
    byMerchant.set(e.merchantId, list)
  }
  for (const [merchantId, list] of byMerchant) await queueForMerchant(trx, merchantId, list)
}

async function queueForMerchant(trx: Transaction<Database>, merchantId: string, events: DomainEvent[]) {
  const of = (type: string) => events.filter((e) => e.type === type)
  // Receipts are for invoices: a payment without one (most of a scan's) needs no lookup.
  const payments = await paymentVariables(
    trx,
    merchantId,
    of('payment.confirmed')
      .filter((e) => str(objectOf(e).invoiceId) !== '')
      .map((e) => str(objectOf(e).id)),
  )
  const invoiceIds = [...of('invoice.sent'), ...of('invoice.partially_paid'), ...of('invoice.overpaid')].map(
    (e) => str(objectOf(e).id),
  )
  for (const p of payments.values()) if (p.invoiceId) invoiceIds.push(p.invoiceId)
  const subscriptionIds = [...of('subscription.past_due'), ...of('subscription.canceled')].map((e) =>
    str(objectOf(e).id),
  )
  const subscriptions = await subscriptionVariables(trx, merchantId, subscriptionIds)
  for (const s of subscriptions.values()) if (s.openInvoiceId) invoiceIds.push(s.openInvoiceId)
  const invoices = await invoiceVariables(trx, merchantId, invoiceIds)
  const lastPayments = await latestInvoicePayments(
    trx,
    merchantId,
    [...of('invoice.partially_paid'), ...of('invoice.overpaid')].map((e) => str(objectOf(e).id)),
  )

  const out: QueueMessageInput[] = []
  for (const e of events) {
    const o = objectOf(e)
    const id = str(o.id)
    if (e.type === 'invoice.sent') {
      const inv = invoices.get(id)
      if (!inv) continue
      out.push({
        merchantId,
        customerId: inv.customerId,
        kind: 'invoice',
        variables: { invoice: inv.invoice, payLink: inv.payLink },
        dedupeKey: `invoice:${id}`,
        related: { invoiceId: id },
        sendAfter: e.createdAt,
      })
    } else if (e.type === 'payment.confirmed') {
      const p = payments.get(id)
      const inv = p?.invoiceId ? invoices.get(p.invoiceId) : undefined
      if (!p || !inv || !p.invoiceId) continue
      out.push({
        merchantId,
        customerId: inv.customerId,
        kind: 'receipt',
        variables: { invoice: inv.invoice, payment: p.payment },
        dedupeKey: `receipt:${id}`,
        related: { invoiceId: p.invoiceId, paymentId: id },
        sendAfter: e.createdAt,
      })
    } else if (e.type === 'invoice.partially_paid' || e.type === 'invoice.overpaid') {
      const inv = invoices.get(id)
      if (!inv) continue
      const p = lastPayments.get(id)
      const overpaid = e.type === 'invoice.overpaid'
      const credit = overpaid ? await creditOf(trx, inv.invoice.total, inv.invoice.amountPaid) : undefined
      out.push({
        merchantId,
        customerId: inv.customerId,
        kind: overpaid ? 'overpayment' : 'partial_payment',
        variables: {
          invoice: inv.invoice,
          payLink: inv.payLink,
          ...(p ? { payment: p.payment } : {}),
          ...(credit ? { credit: { amount: credit, currency: inv.invoice.currency } } : {}),
        },
        // Each amount paid is its own news; the same state reached again (a reorg undone) is not.
        dedupeKey: `${overpaid ? 'overpayment' : 'partial_payment'}:${id}:${inv.invoice.amountPaid}`,
        related: { invoiceId: id, ...(p ? { paymentId: p.id } : {}) },
        sendAfter: e.createdAt,
      })
    } else if (e.type === 'subscription.past_due' || e.type === 'subscription.canceled') {
      const s = subscriptions.get(id)
      if (!s) continue
      const inv = s.openInvoiceId ? invoices.get(s.openInvoiceId) : undefined
      const pastDue = e.type === 'subscription.past_due'
      out.push({
        merchantId,
        customerId: s.customerId,
        kind: pastDue ? 'subscription_past_due' : 'subscription_canceled',
        variables: {
          subscription: { ...s.subscription, cancelReason: str(o.cancelReason) },
          ...(pastDue && inv ? { invoice: inv.invoice, payLink: inv.payLink } : {}),
        },
        dedupeKey: pastDue
          ? `subscription_past_due:${id}:${str(o.pastDueAt)}`
          : `subscription_canceled:${id}`,
        related: {
          subscriptionId: id,
          ...(pastDue && s.openInvoiceId ? { invoiceId: s.openInvoiceId } : {}),
        },
        sendAfter: e.createdAt,
      })
    }
  }

  const created = of('customer.created')
  if (created.length > 0) {
    const settings = await trx
      .selectFrom('email_settings')
      .select('welcome_enabled')
      .where('merchant_id', '=', merchantId)
      .executeTakeFirst()
    if (settings?.welcome_enabled)
      for (const e of created) {
        const id = str(objectOf(e).id)
        out.push({
          merchantId,
          customerId: id,
          kind: 'welcome',
          variables: {},
          dedupeKey: `welcome:${id}`,
          sendAfter: e.createdAt,
        })
      }
  }
  await queueMessages(trx, out)
}

/** amount paid − total, exact (numeric in SQL). */
async function creditOf(trx: Transaction<Database>, total: string, paid: string): Promise<string> {
  const r = await sql<{
    credit: string
  }>`SELECT greatest(${paid}::numeric - ${total}::numeric, 0)::text AS credit`.execute(trx)
  return r.rows[0]?.credit ?? '0'
}

async function subscriptionVariables(trx: Transaction<Database>, merchantId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, never>()
  const rows = await trx
    .selectFrom('subscriptions as s')
    .innerJoin('plans as p', 'p.id', 's.plan_id')
    .select([
      's.id',
      's.customer_id',
      's.next_period_start',
      'p.name',
      'p.currency',
      sql<string>`p.amount::text`.as('amount'),
      // The unpaid invoice a past-due mail asks to pay: the latest open one of the subscription's periods.
      sql<string | null>`(SELECT i.id FROM subscription_periods sp JOIN invoices i ON i.id = sp.invoice_id
        WHERE sp.subscription_id = s.id AND i.status IN ('open', 'partially_paid')
        ORDER BY sp.period_index DESC LIMIT 1)`.as('open_invoice_id'),
    ])
    .where('s.merchant_id', '=', merchantId)
    .where('s.id', 'in', [...new Set(ids)])
    .execute()
  return new Map(
    rows.map((r) => [
      r.id,
      {
        customerId: r.customer_id,
        openInvoiceId: r.open_invoice_id,
        subscription: {
          planName: r.name,
          amount: r.amount,
          currency: r.currency.trim(),
          renewalDate: String(r.next_period_start).slice(0, 10),
        },
      },
    ]),
  )
}
