import {
  type AssetId,
  explorerTxUrl,
  formatUnits,
  type NetworkId,
  type NetworkMode,
} from '@coinbook/chain-watchers'
import { sql } from 'kysely'
import type { Executor } from '../../../context.js'
import type { InvoiceStatus } from '../../../db/database.js'
import { fiatDecimals } from '../../rates/index.js'
import type { RefundDto } from '../../refunds/schema.js'
import { loadRefunds } from '../../refunds/services/present.js'
import { formatMinor, toMinor } from '../money.js'
import type { InvoiceDto } from '../schema.js'

export interface PresentOptions {
  mode: NetworkMode
  requiredConfirmations: (network: NetworkId) => number
  /** Origin the pay links start with; relative links without it. */
  publicUrl: string | undefined
  /** Today, "YYYY-MM-DD": what overdue is measured against. */
  today: string
}

/** The merchant's invoices as `i` with the customer's name and what is seen on chain but not confirmed. */
export function selectInvoices(db: Executor, merchantId: string) {
  return db
    .selectFrom('invoices as i')
    .leftJoin('customers as c', 'c.id', 'i.customer_id')
    .selectAll('i')
    .select(sql<string | null>`case when c.deleted_at is null then c.name end`.as('customer_name'))
    .select(amountSeen)
    .where('i.merchant_id', '=', merchantId)
}

/** What is applied to invoice `i` from payments seen on chain but not yet confirmed. */
export const amountSeen = sql<string>`(select coalesce(sum(ip.amount), 0) from invoice_payments ip
  join payments p on p.id = ip.payment_id where ip.invoice_id = i.id and p.status = 'pending')`.as(
  'amount_seen',
)

export type InvoiceRow = Awaited<ReturnType<ReturnType<typeof selectInvoices>['executeTakeFirstOrThrow']>>

const OWING: readonly InvoiceStatus[] = ['open', 'partially_paid']

export function payUrl(publicUrl: string | undefined, token: string | null): string | null {
  return token ? `${(publicUrl ?? '').replace(/\/$/, '')}/pay/${token}` : null
}

/** What remains to pay: nothing once paid (within the tolerance) or void. */
export function amountDue(row: Pick<InvoiceRow, 'status' | 'total' | 'amount_paid'>, fd: number): bigint {
  if (!OWING.includes(row.status) && row.status !== 'draft') return 0n
  const due = toMinor(row.total, fd) - toMinor(row.amount_paid, fd)
  return due > 0n ? due : 0n
}

/**
 * The invoice columns a summary is made of. Statements prepared once per connection name them rather than
 * `i.*`: a migration that adds a column then does not change what a prepared statement returns.
 */
export const summaryColumns = [
  'i.id',
  'i.number',
  'i.status',
  'i.paid_late',
  'i.customer_id',
  'i.currency',
  'i.subtotal',
  'i.tax_total',
  'i.total',
  'i.amount_paid',
  'i.issue_date',
  'i.due_date',
  'i.pay_token',
  'i.created_at',
  'i.updated_at',
] as const

type SummaryRow = Pick<InvoiceRow, (typeof summaryColumns)[number] extends `i.${infer C}` ? C : never> & {
  customer_name: string | null
  amount_seen: string
}

export function presentInvoiceSummary(row: SummaryRow, opts: Pick<PresentOptions, 'publicUrl' | 'today'>) {
  const fd = fiatDecimals(row.currency)
  const due = amountDue(row, fd)
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    overdue: OWING.includes(row.status) && due > 0n && row.due_date < opts.today,
    paidLate: row.paid_late,
    customerId: row.customer_id,
    customerName: row.customer_name,
    currency: row.currency,
    subtotal: formatMinor(toMinor(row.subtotal, fd), fd),
    taxTotal: formatMinor(toMinor(row.tax_total, fd), fd),
    total: formatMinor(toMinor(row.total, fd), fd),
    amountPaid: formatMinor(toMinor(row.amount_paid, fd), fd),
    amountDue: formatMinor(due, fd),
    amountSeen: formatMinor(toMinor(row.amount_seen, fd), fd),
    issueDate: row.issue_date,
    dueDate: row.due_date,
    payUrl: payUrl(opts.publicUrl, row.pay_token),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  }
}

/**
 * The payments applied to an invoice, oldest first, with their chain state; with `refundsOf` (the merchant),
 * their refunds too (the checkout's live state, polled, leaves them out).
 */
export async function loadAppliedPayments(
  db: Executor,
  invoiceId: string,
  opts: Pick<PresentOptions, 'mode' | 'requiredConfirmations'>,
  refundsOf?: string,
): Promise<InvoiceDto['payments']> {
  const rows = await db
    .selectFrom('invoice_payments as ip')
    .leftJoin('payments as p', 'p.id', 'ip.payment_id')
    .select([
      'ip.id',
      'ip.method',
      'ip.amount',
      'ip.rate',
      'ip.late',
      'ip.note',
      'ip.created_at',
      'p.id as payment_id',
      'p.network',
      'p.asset',
      'p.amount as coin_amount',
      'p.decimals',
      'p.tx_hash',
      'p.status as payment_status',
      'p.confirmations',
    ])
    .where('ip.invoice_id', '=', invoiceId)
    .orderBy('ip.id')
    .execute()
  const paymentIds = rows.flatMap((r) => (r.payment_id ? [r.payment_id] : []))
  const refunds = refundsOf
    ? await loadRefunds(db, refundsOf, paymentIds, opts.mode)
    : new Map<string, RefundDto[]>()
  return rows.map((r) => {
    const onchain = r.method === 'onchain' && r.payment_id !== null
    const status = !onchain
      ? ('recorded' as const)
      : r.payment_status === 'pending'
        ? ('seen' as const)
        : (r.payment_status ?? 'seen')
    const network = r.network as NetworkId
    return {
      id: r.id,
      method: r.method,
      status,
      counts: !onchain || r.payment_status === 'confirmed',
      amount: r.amount,
      rate: r.rate,
      late: r.late,
      note: r.note,
      payment:
        onchain && r.payment_id && r.tx_hash && r.coin_amount !== null && r.decimals !== null
          ? {
              id: r.payment_id,
              network,
              asset: r.asset as AssetId,
              amount: formatUnits(BigInt(r.coin_amount), r.decimals),
              txHash: r.tx_hash,
              confirmations: r.confirmations ?? 0,
              requiredConfirmations: opts.requiredConfirmations(network),
              explorerUrl: explorerTxUrl(network, r.tx_hash, opts.mode) ?? null,
            }
          : null,
      refunds: (r.payment_id && refunds.get(r.payment_id)) || [],
      createdAt: r.created_at.toISOString(),
    }
  })
}

/** The presentation options of the process: network mode, confirmations, public URL and today. */
export function presentOptionsOf(deps: {
  config: { COINBOOK_NETWORK_MODE: NetworkMode; PUBLIC_URL?: string | undefined }
  chains: { requiredConfirmations(n: NetworkId): number }
  clock: { now(): Date }
}): PresentOptions & { now: Date } {
  const now = deps.clock.now()
  return {
    mode: deps.config.COINBOOK_NETWORK_MODE,
    requiredConfirmations: (n) => deps.chains.requiredConfirmations(n),
    publicUrl: deps.config.PUBLIC_URL,
    today: now.toISOString().slice(0, 10),
    now,
  }
}
