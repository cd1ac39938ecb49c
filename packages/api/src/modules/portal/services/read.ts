import { formatUnits } from '@coinbook/chain-watchers'
import { sql } from 'kysely'
import type { Executor } from '../../../context.js'
import { loadLiveCustomer } from '../../customers/services/live-customers.js'
import { explorerLink, publicLink } from '../../messages/links.js'
import { loadPortalSettings } from './settings.js'
import type { PortalCaller } from './sign-in.js'

/** Everything here is read for the caller's (merchant, customer) only: both are in every WHERE. */

const iso = (d: Date | null) => (d ? d.toISOString() : null)

/** The signed-in customer, their merchant, what they may change, and an open payment-details request. */
export async function getPortalMe(db: Executor, caller: PortalCaller) {
  const [customer, merchant, settings, request] = await Promise.all([
    loadLiveCustomer(db, caller.merchantId, caller.customerId),
    db
      .selectFrom('merchants')
      .select(['id', 'name'])
      .where('id', '=', caller.merchantId)
      .executeTakeFirstOrThrow(),
    loadPortalSettings(db, caller.merchantId),
    db
      .selectFrom('payment_details_requests')
      .select(['customer_id', 'requested_at', 'answered_at'])
      .where('merchant_id', '=', caller.merchantId)
      .where('customer_id', '=', caller.customerId)
      .executeTakeFirst(),
  ])
  return {
    merchant,
    customer: {
      id: customer.id,
      name: customer.name,
      email: customer.email,
      phone: customer.phone,
      company: customer.company,
      billingAddress: customer.billingAddress,
      preferredCoins: customer.preferredCoins,
    },
    settings: { editable: settings.editable, allowSubscriptionCancel: settings.allowSubscriptionCancel },
    paymentDetailsRequest: request
      ? {
          customerId: request.customer_id,
          requestedAt: request.requested_at.toISOString(),
          answeredAt: iso(request.answered_at),
        }
      : null,
  }
}

/** The customer's invoices that were sent (never drafts), newest first; payUrl while something is due. */
export async function listPortalInvoices(db: Executor, caller: PortalCaller) {
  const rows = await db
    .selectFrom('invoices')
    .select([
      'id',
      'number',
      'status',
      'currency',
      'issue_date',
      'due_date',
      'pay_token',
      sql<string>`total::text`.as('total'),
      sql<string>`amount_paid::text`.as('amount_paid'),
      sql<string>`greatest(total - amount_paid, 0)::text`.as('amount_due'),
    ])
    .where('merchant_id', '=', caller.merchantId)
    .where('customer_id', '=', caller.customerId)
    .where('status', '!=', 'draft')
    .orderBy('issue_date', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    status: r.status,
    currency: r.currency.trim(),
    total: r.total,
    amountPaid: r.amount_paid,
    amountDue: r.amount_due,
    issueDate: String(r.issue_date).slice(0, 10),
    dueDate: String(r.due_date).slice(0, 10),
    payUrl:
      r.pay_token && (r.status === 'open' || r.status === 'partially_paid')
        ? publicLink(`/pay/${r.pay_token}`)
        : null,
  }))
}

/** The customer's payments (not reorged ones), newest first, each with what its receipt shows. */
export async function listPortalPayments(db: Executor, caller: PortalCaller) {
  const rows = await db
    .selectFrom('payments as p')
    .leftJoin('invoices as i', (j) =>
      j.onRef('i.id', '=', 'p.invoice_id').onRef('i.merchant_id', '=', 'p.merchant_id'),
    )
    .select([
      'p.id',
      'p.status',
      'p.asset',
      'p.network',
      'p.amount',
      'p.decimals',
      sql<string | null>`p.fiat_value::text`.as('fiat_value'),
      'p.fiat_currency',
      'p.tx_hash',
      'p.detected_at',
      'p.confirmed_at',
      'i.number as invoice_number',
    ])
    .where('p.merchant_id', '=', caller.merchantId)
    .where('p.customer_id', '=', caller.customerId)
    .where('p.status', 'in', ['pending', 'confirmed'])
    .orderBy('p.detected_at', 'desc')
    .limit(200)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    asset: r.asset,
    network: r.network,
    amount: formatUnits(BigInt(r.amount), r.decimals),
    fiatValue: r.fiat_value,
    fiatCurrency: r.fiat_currency.trim(),
    txHash: r.tx_hash,
    explorerUrl: explorerLink(r.network, r.tx_hash),
    invoiceNumber: r.invoice_number,
    detectedAt: r.detected_at.toISOString(),
    confirmedAt: iso(r.confirmed_at),
  }))
}

export async function listPortalSubscriptions(db: Executor, caller: PortalCaller) {
  const rows = await db
    .selectFrom('subscriptions as s')
    .innerJoin('plans as p', 'p.id', 's.plan_id')
    .select([
      's.id',
      's.status',
      's.next_period_start',
      's.cancel_at',
      'p.name',
      'p.currency',
      sql<string>`p.amount::text`.as('amount'),
    ])
    .where('s.merchant_id', '=', caller.merchantId)
    .where('s.customer_id', '=', caller.customerId)
    .orderBy('s.created_at', 'desc')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    planName: r.name,
    amount: r.amount,
    currency: r.currency.trim(),
    status: r.status,
    nextPeriodStart: String(r.next_period_start).slice(0, 10),
    cancelAt: r.cancel_at ? String(r.cancel_at).slice(0, 10) : null,
  }))
}
