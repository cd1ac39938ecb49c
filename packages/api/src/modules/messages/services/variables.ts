import { formatUnits } from '@coinbook/chain-watchers'
import { sql } from 'kysely'
import type { Executor } from '../../../context.js'
import { explorerLink, publicLink } from '../links.js'

export interface InvoiceVariables {
  customerId: string
  invoice: {
    number: string
    total: string
    amountDue: string
    amountPaid: string
    currency: string
    issueDate: string
    dueDate: string
  }
  payLink: string
}

/**
 * The `invoice.*` and `payLink` variables of these invoices, one query (for mail about invoices: the
 * subscriber here, reminders). Amounts are the exact decimals of the invoice's currency.
 */
export async function invoiceVariables(
  db: Executor,
  merchantId: string,
  invoiceIds: readonly string[],
): Promise<Map<string, InvoiceVariables>> {
  if (invoiceIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('invoices')
    .select([
      'id',
      'customer_id',
      'number',
      'currency',
      'issue_date',
      'due_date',
      'pay_token',
      sql<string>`total::text`.as('total'),
      sql<string>`amount_paid::text`.as('amount_paid'),
      sql<string>`greatest(total - amount_paid, 0)::text`.as('amount_due'),
    ])
    .where('merchant_id', '=', merchantId)
    .where('id', 'in', [...new Set(invoiceIds)])
    .execute()
  return new Map(
    rows.map((r) => [
      r.id,
      {
        customerId: r.customer_id,
        invoice: {
          number: r.number,
          total: r.total,
          amountDue: r.amount_due,
          amountPaid: r.amount_paid,
          currency: r.currency.trim(),
          issueDate: String(r.issue_date).slice(0, 10),
          dueDate: String(r.due_date).slice(0, 10),
        },
        payLink: r.pay_token ? publicLink(`/pay/${r.pay_token}`) : '',
      },
    ]),
  )
}

export interface PaymentVariables {
  id: string
  invoiceId: string | null
  payment: { amount: string; asset: string; network: string; txHash: string; explorerUrl: string }
}

function paymentVars(r: {
  id: string
  invoice_id: string | null
  amount: string
  decimals: number
  asset: string
  network: string
  tx_hash: string
}): PaymentVariables {
  return {
    id: r.id,
    invoiceId: r.invoice_id,
    payment: {
      amount: formatUnits(BigInt(r.amount), r.decimals),
      asset: r.asset,
      network: r.network,
      txHash: r.tx_hash,
      explorerUrl: explorerLink(r.network, r.tx_hash) ?? '',
    },
  }
}

const PAYMENT_COLUMNS = ['id', 'invoice_id', 'amount', 'decimals', 'asset', 'network', 'tx_hash'] as const

/** `payment.*` of these payments (receipts). */
export async function paymentVariables(db: Executor, merchantId: string, paymentIds: readonly string[]) {
  if (paymentIds.length === 0) return new Map<string, PaymentVariables>()
  const rows = await db
    .selectFrom('payments')
    .select(PAYMENT_COLUMNS)
    .where('merchant_id', '=', merchantId)
    .where('id', 'in', [...new Set(paymentIds)])
    .execute()
  return new Map(rows.map((r) => [r.id, paymentVars(r)]))
}

/** The latest confirmed payment of each invoice (partial payment and overpayment mails). */
export async function latestInvoicePayments(db: Executor, merchantId: string, invoiceIds: readonly string[]) {
  if (invoiceIds.length === 0) return new Map<string, PaymentVariables>()
  const rows = await db
    .selectFrom('payments')
    .select(PAYMENT_COLUMNS)
    .distinctOn('invoice_id')
    .where('merchant_id', '=', merchantId)
    .where('invoice_id', 'in', [...new Set(invoiceIds)])
    .where('status', '=', 'confirmed')
    .orderBy('invoice_id')
    .orderBy('confirmed_at', 'desc')
    .execute()
  return new Map(rows.map((r) => [r.invoice_id as string, paymentVars(r)]))
}
