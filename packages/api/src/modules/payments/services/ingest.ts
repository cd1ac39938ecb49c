import {
  type AnyChainAdapter,
  findPaymentOption,
  type NetworkMode,
  type TransferEvent,
} from '@coinbook/chain-watchers'
import type { Selectable, Transaction } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { Clock } from '../../../clock.js'
import type { Executor } from '../../../context.js'
import type { Database, PaymentStatus, PaymentsTable } from '../../../db/database.js'
import { inTransaction } from '../../../db/transaction.js'
import { recordEvent } from '../../events/services/record-event.js'
import type { EventType } from '../../events/types.js'
import {
  type InvoiceApplication,
  prepareInvoiceApplication,
  recordInvoiceApplication,
} from '../../invoices/services/apply-chain-payment.js'
import { syncInvoice } from '../../invoices/services/sync.js'
import { learnPayerWallet } from '../../payment-methods/services/learn-payer-wallet.js'
import { fiatDecimals, type RateProvider, RateUnavailableError, toFiat } from '../../rates/index.js'
import { paymentEventObject } from './event-data.js'
import { findTarget, type Target } from './find-target.js'
import { applyStatsDelta } from './stats.js'

export interface IngestDeps {
  db: Executor
  rates: RateProvider
  mode: NetworkMode
  /** Confirmations needed before a payment counts, per network. */
  confirmationsFor: (network: TransferEvent['network']) => number
  /** Decimals of a token the deployment configured itself; the registry's otherwise. */
  decimalsOf?: ((e: TransferEvent) => number | undefined) | undefined
  /** The adapter's count of an event's confirmations at the chain's current head, when it is known. */
  confirmationsOf?: ((e: TransferEvent) => number) | undefined
  /** When a payment without a block time arrived (an invoice quote's rate lock); the system clock if unset. */
  clock?: Clock | undefined
}

export interface IngestedPayment {
  id: string
  merchantId: string
  created: boolean
  status: PaymentStatus
}

/** An event that pays one of our targets, with its price looked up: ready to write. */
export interface PreparedEvent {
  event: TransferEvent
  target: Target
  price: Price
  /** Set when the event pays an invoice quote's target. */
  invoice?: InvoiceApplication | undefined
}

/**
 * Finds which events pay our deposit targets and prices them. Reads only, and talks to the rate
 * provider, so it runs before the write transaction opens.
 */
export async function prepareEvents(deps: IngestDeps, events: TransferEvent[]): Promise<PreparedEvent[]> {
  const out: PreparedEvent[] = []
  for (const event of events) {
    const target = await findTarget(deps, event)
    if (!target) continue
    const price = await priceEvent(deps, event, target.reporting_currency)
    const now = () => deps.clock?.now() ?? new Date()
    const invoice = await prepareInvoiceApplication({ ...deps, now }, event, target.id)
    out.push({ event, target, price, invoice })
  }
  return out
}

/**
 * Records prepared events exactly once, in the caller's transaction: the payment is keyed by
 * (network, tx hash, event index), and the customer's stats change only when the payment's `counted`
 * flag flips — so the same event seen twice, by scan and by verify, or again after a crash, changes
 * nothing, and a payment that leaves the canonical chain gives back what it added.
 */
export async function writeEvents(
  trx: Transaction<Database>,
  deps: IngestDeps,
  prepared: PreparedEvent[],
): Promise<IngestedPayment[]> {
  const out: IngestedPayment[] = []
  for (const p of prepared) out.push(await upsertPayment(trx, deps, p.event, p.target, p.price, p.invoice))
  return out
}

/** The adapter's confirmation count at its current head, read only when some event is in a block. */
export async function confirmationsAtHead(
  adapter: Pick<AnyChainAdapter, 'head' | 'confirmations'>,
  events: readonly TransferEvent[],
): Promise<((e: TransferEvent) => number) | undefined> {
  if (!events.some((e) => e.blockRef)) return undefined
  const head = await adapter.head()
  return (e) => adapter.confirmations(e, head)
}

/** prepareEvents then writeEvents in one transaction: for verify-by-hash. */
export async function ingestEvents(deps: IngestDeps, events: TransferEvent[]): Promise<IngestedPayment[]> {
  const prepared = await prepareEvents(deps, events)
  return inTransaction(deps.db, (trx) => writeEvents(trx, deps, prepared))
}

interface Price {
  decimals: number
  fiatValue: string | null
  rate: string | null
  source: string | null
}

async function priceEvent(deps: IngestDeps, e: TransferEvent, fiat: string): Promise<Price> {
  const option = findPaymentOption(e.asset, e.network, deps.mode) ?? findPaymentOption(e.asset, e.network)
  const decimals = deps.decimalsOf?.(e) ?? option?.decimals ?? 0
  const at = e.blockTime ? new Date(e.blockTime * 1000) : new Date()
  try {
    const r = await deps.rates.getRate({ asset: e.asset, fiat, at })
    return {
      decimals,
      fiatValue: toFiat(e.amount, decimals, r.rate, fiatDecimals(fiat)),
      rate: r.rate,
      source: r.source,
    }
  } catch (err) {
    // The payment is real whatever the price feed says: keep it, and let the reprice job value it later.
    if (err instanceof RateUnavailableError) return { decimals, fiatValue: null, rate: null, source: null }
    throw err
  }
}

function statusOf(deps: IngestDeps, e: TransferEvent): { status: PaymentStatus; confirmations: number } {
  if (e.status === 'failed') return { status: 'failed', confirmations: 0 }
  if (!e.blockRef) return { status: 'pending', confirmations: 0 }
  // A node a block behind the one that told us of the event still sees it mined: at least 1.
  const confirmations = deps.confirmationsOf
    ? Math.max(1, deps.confirmationsOf(e))
    : e.status === 'confirmed'
      ? deps.confirmationsFor(e.network)
      : 1
  const status = confirmations >= deps.confirmationsFor(e.network) ? 'confirmed' : 'pending'
  return { status, confirmations }
}

async function upsertPayment(
  trx: Transaction<Database>,
  deps: IngestDeps,
  e: TransferEvent,
  target: Target,
  price: Price,
  invoice?: InvoiceApplication,
): Promise<IngestedPayment> {
  const inserted = await trx
    .insertInto('payments')
    .values({
      id: uuidv7(),
      merchant_id: target.merchant_id,
      customer_id: target.customer_id,
      deposit_target_id: target.id,
      network: e.network,
      asset: e.asset,
      tx_hash: e.txHash,
      event_index: e.eventIndex,
      from_address: e.from,
      to_address: e.to,
      contract: e.contract ?? null,
      memo: e.memo ?? null,
      reference: e.reference ?? null,
      amount: e.amount.toString(),
      decimals: price.decimals,
      fiat_currency: target.reporting_currency,
      fiat_value: price.fiatValue,
      rate: price.rate,
      rate_source: price.source,
      status: 'pending',
      invoice_id: invoice?.invoiceId ?? null,
      network_fee: e.fee ?? null,
      matched_by: target.matched_by,
    })
    .onConflict((oc) => oc.columns(['network', 'tx_hash', 'event_index']).doNothing())
    .returning('id')
    .executeTakeFirst()
  if (inserted && invoice) {
    await recordInvoiceApplication(trx, { id: inserted.id, merchantId: target.merchant_id }, invoice)
  }
  if (inserted && target.customer_id && e.status !== 'failed') {
    const seenAt = e.blockTime !== undefined ? new Date(e.blockTime * 1000) : new Date()
    await learnPayerWallet(
      trx,
      {
        merchantId: target.merchant_id,
        customerId: target.customer_id,
        network: e.network,
        from: e.from,
        to: e.to,
        seenAt,
      },
      deps.mode,
    )
  }

  // Lock the row: scan, verify and the confirmation job may all be looking at it.
  const current = await trx
    .selectFrom('payments')
    .selectAll()
    .where('network', '=', e.network)
    .where('tx_hash', '=', e.txHash)
    .where('event_index', '=', e.eventIndex)
    .forUpdate()
    .executeTakeFirstOrThrow()
  // A scan may not read the fee (a Bitcoin block's inputs carry no amounts); a later verify fills it in.
  if (e.fee !== undefined && current.network_fee === null) {
    await trx.updateTable('payments').set({ network_fee: e.fee }).where('id', '=', current.id).execute()
  }
  if (inserted) {
    await recordEvent(trx, {
      merchantId: current.merchant_id,
      type: 'payment.detected',
      subjectId: current.id,
      data: { object: paymentEventObject(current) },
    })
  }

  const next = statusOf(deps, e)
  // Never move backwards on the same block: a slower node must not un-confirm a payment.
  const sameBlock = e.blockRef && current.block_hash === e.blockRef.hash
  if (sameBlock && current.confirmations > next.confirmations) {
    next.confirmations = current.confirmations
    next.status = current.status === 'confirmed' ? 'confirmed' : next.status
  }
  await setPaymentState(trx, current, {
    status: next.status,
    confirmations: next.confirmations,
    blockNumber: e.blockRef ? Number(e.blockRef.number) : null,
    blockHash: e.blockRef?.hash ?? null,
    blockTime: e.blockTime ? new Date(e.blockTime * 1000) : null,
  })
  return {
    id: current.id,
    merchantId: current.merchant_id,
    created: inserted !== undefined,
    status: next.status,
  }
}

type PaymentRow = Selectable<PaymentsTable>

/** The event a payment's move into a status records (`pending` is announced by payment.detected). */
const STATUS_EVENTS: Partial<Record<PaymentStatus, EventType>> = {
  confirmed: 'payment.confirmed',
  reorged: 'payment.reorged',
  failed: 'payment.failed',
}

/**
 * Moves a locked payment to a new chain state and keeps the customer's stats in step: it counts toward
 * them exactly while it is confirmed.
 */
export async function setPaymentState(
  trx: Transaction<Database>,
  current: PaymentRow,
  next: {
    status: PaymentStatus
    confirmations: number
    blockNumber: number | null
    blockHash: string | null
    blockTime: Date | null
  },
) {
  const count = next.status === 'confirmed'
  const updated = await trx
    .updateTable('payments')
    .set({
      status: next.status,
      confirmations: next.confirmations,
      block_number: next.blockNumber,
      block_hash: next.blockHash,
      block_time: next.blockTime,
      counted: count,
      confirmed_at: count ? (current.confirmed_at ?? new Date()) : null,
      updated_at: new Date(),
    })
    .where('id', '=', current.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  const event = STATUS_EVENTS[next.status]
  if (event && next.status !== current.status) {
    await recordEvent(trx, {
      merchantId: current.merchant_id,
      type: event,
      subjectId: current.id,
      data: { object: paymentEventObject(updated), previousStatus: current.status },
    })
  }
  if (count !== current.counted && current.customer_id) {
    await applyStatsDelta(trx, {
      customerId: current.customer_id,
      sign: count ? 1 : -1,
      fiatValue: current.fiat_value,
    })
  }
  // The invoice it paid follows in the same transaction: status, amount paid, credit (a reorg undoes them).
  if (current.invoice_id && (count !== current.counted || next.status !== current.status)) {
    await syncInvoice(trx, current.invoice_id, { at: new Date(), reason: `payment ${next.status}` })
  }
}
