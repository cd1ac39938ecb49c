import { type Selectable, sql, type Transaction } from 'kysely'
import type { Database, PaymentStatus, PaymentsTable } from '../../../db/database.js'
import { addPaymentMetrics, lockStats, refreshPaymentMetrics } from '../../analytics/metrics.js'
import { type RecordEventInput, recordEvents } from '../../events/services/record-event.js'
import type { EventType } from '../../events/types.js'
import { syncInvoice } from '../../invoices/services/sync.js'
import { paymentEventObject } from './event-data.js'

/**
 * Moving recorded payments between chain states (pending, confirmed, reorged, failed) and what follows in
 * the same transaction: status events, the customers' metrics and the invoices they paid. Ingest
 * (ingest.ts), the confirmation job, refunds and assignment all move payments through here.
 */

/** Rows per statement: far below PostgreSQL's 65,535 bind parameters. */
export const CHUNK = 500

export type PaymentRow = Selectable<PaymentsTable>

/** The event a payment's move into a status records (`pending` is announced by payment.detected). */
const STATUS_EVENTS: Partial<Record<PaymentStatus, EventType>> = {
  confirmed: 'payment.confirmed',
  reorged: 'payment.reorged',
  failed: 'payment.failed',
}

export interface PaymentStateChange {
  /** The payment, locked by the caller. */
  current: PaymentRow
  next: {
    status: PaymentStatus
    confirmations: number
    blockNumber: number | null
    blockHash: string | null
    blockTime: Date | null
  }
}

/**
 * Moves a locked payment to a new chain state and keeps the customer's stats in step: it counts toward
 * them exactly while it is confirmed.
 */
export async function setPaymentState(
  trx: Transaction<Database>,
  current: PaymentRow,
  next: PaymentStateChange['next'],
) {
  await setPaymentStates(trx, [{ current, next }])
}

/**
 * setPaymentState for many locked payments (each once), set-wise: one update, then the events of the
 * status changes, one refresh of the stats of every customer whose payments started or stopped counting,
 * and each invoice they paid. A change to the state a payment already has writes nothing.
 */
export async function setPaymentStates(trx: Transaction<Database>, changes: readonly PaymentStateChange[]) {
  const at = new Date()
  await followPaymentStates(trx, await updatePaymentStates(trx, changes, at), at)
}

/** Writes the changes that change something, and returns them with the rows as written. */
export async function updatePaymentStates(
  trx: Transaction<Database>,
  changes: readonly PaymentStateChange[],
  at: Date,
): Promise<(PaymentStateChange & { row: PaymentRow })[]> {
  const moved = changes.filter(
    ({ current: c, next: n }) =>
      c.status !== n.status ||
      c.counted !== (n.status === 'confirmed') ||
      c.confirmations !== n.confirmations ||
      c.block_number !== n.blockNumber ||
      c.block_hash !== n.blockHash ||
      (c.block_time?.getTime() ?? null) !== (n.blockTime?.getTime() ?? null),
  )
  const updated = new Map<string, PaymentRow>()
  for (let i = 0; i < moved.length; i += CHUNK) {
    const chunk = moved.slice(i, i + CHUNK)
    const col = <T>(f: (c: PaymentStateChange) => T) => chunk.map(f)
    const { rows } = await sql<PaymentRow>`
      update payments p set
        status = v.status,
        confirmations = v.confirmations,
        block_number = v.block_number,
        block_hash = v.block_hash,
        block_time = v.block_time,
        counted = v.status = 'confirmed',
        confirmed_at = case when v.status = 'confirmed' then coalesce(p.confirmed_at, ${at}::timestamptz) end,
        updated_at = ${at}::timestamptz
      from unnest(${col((c) => c.current.id)}::uuid[], ${col((c) => c.next.status)}::text[],
        ${col((c) => c.next.confirmations)}::int[], ${col((c) => c.next.blockNumber)}::bigint[],
        ${col((c) => c.next.blockHash)}::text[], ${col((c) => c.next.blockTime?.toISOString() ?? null)}::timestamptz[])
        as v(id, status, confirmations, block_number, block_hash, block_time)
      where p.id = v.id
      returning p.*`.execute(trx)
    for (const r of rows) updated.set(r.id, r)
  }
  return moved.map((c) => ({ ...c, row: updated.get(c.current.id) as PaymentRow }))
}

/**
 * What follows payments' moves, in their transaction: the events of their status changes (after `leading`
 * events), one refresh of the stats of every customer whose payments started or stopped counting, and each
 * invoice they paid.
 */
export async function followPaymentStates(
  trx: Transaction<Database>,
  moved: readonly (PaymentStateChange & { row: PaymentRow })[],
  at: Date,
  leading: RecordEventInput[] = [],
  /** Payments this transaction inserted (their stats are added, not recomputed). */
  inserted: ReadonlySet<string> = new Set(),
) {
  await recordEvents(trx, [
    ...leading,
    ...moved.flatMap(({ current, next, row }): RecordEventInput[] => {
      const type = STATUS_EVENTS[next.status]
      if (!type || next.status === current.status) return []
      return [
        {
          merchantId: current.merchant_id,
          type,
          subjectId: current.id,
          data: { object: paymentEventObject(row), previousStatus: current.status },
        },
      ]
    }),
  ])
  const counts = (c: PaymentStateChange) => c.next.status === 'confirmed'
  // A payment written confirmed only adds to its customer's figures; any other start or stop of counting
  // (a confirmation, a reorg) has them recomputed, which also covers new payments of the same customer.
  const flips = moved.filter((c) => c.current.customer_id && counts(c) !== c.current.counted)
  const isAdded = (c: PaymentStateChange) => inserted.has(c.current.id) && counts(c)
  const recompute = new Set(flips.flatMap((c) => (isAdded(c) ? [] : [c.current.customer_id as string])))
  const added = flips.filter((c) => isAdded(c) && !recompute.has(c.current.customer_id as string))
  // Both lock the stats rows; the union first, in id order, so two batches cannot deadlock between the two.
  if (recompute.size > 0 && added.length > 0)
    await lockStats(trx, [...new Set(flips.map((c) => c.current.customer_id as string))].sort())
  await refreshPaymentMetrics(trx, [...recompute])
  await addPaymentMetrics(
    trx,
    added.map(({ row }) => ({
      customerId: row.customer_id as string,
      merchantId: row.merchant_id,
      asset: row.asset,
      network: row.network,
      amount: row.amount,
      decimals: row.decimals,
      fiatValue: row.fiat_value,
      at: row.block_time ?? row.detected_at,
    })),
  )
  // The invoices they paid follow in the same transaction: status, amount paid, credit (a reorg undoes them).
  const invoices = new Map<string, PaymentStatus>()
  for (const c of moved) {
    if (c.current.invoice_id && (counts(c) !== c.current.counted || c.next.status !== c.current.status))
      invoices.set(c.current.invoice_id, c.next.status)
  }
  for (const [invoiceId, status] of invoices) {
    await syncInvoice(trx, invoiceId, { at, reason: `payment ${status}` })
  }
}
