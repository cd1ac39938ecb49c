import {
  type AnyChainAdapter,
  findPaymentOption,
  type NetworkMode,
  type TransferEvent,
} from '@coinbook/chain-watchers'
import { sql, type Transaction } from 'kysely'
import type { Clock } from '../../../clock.js'
import type { Executor } from '../../../context.js'
import type { Database, PaymentStatus } from '../../../db/database.js'
import { newId } from '../../../db/ids.js'
import { inTransaction } from '../../../db/transaction.js'
import {
  type InvoiceApplication,
  prepareInvoiceApplication,
  prepareStableApplications,
  recordInvoiceApplication,
} from '../../invoices/services/apply-chain-payment.js'
import { linkSessionsOf, withLinkPayers } from '../../payment-links/services/attribute-payer.js'
import { learnPayerWallets } from '../../payment-methods/services/learn-payer-wallet.js'
import { fiatDecimals, type RateProvider, RateUnavailableError, toFiat } from '../../rates/index.js'
import { paymentEventObject } from './event-data.js'
import { findTargets, type Target } from './find-target.js'
import {
  CHUNK,
  followPaymentStates,
  type PaymentRow,
  type PaymentStateChange,
  updatePaymentStates,
} from './payment-states.js'

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
  /** Set when the event pays a payment link session's target: its customer is found as it is written. */
  linkSessionId?: string | undefined
}

/**
 * Finds which events pay our deposit targets and prices them. Reads only, and talks to the rate
 * provider, so it runs before the write transaction opens.
 */
export async function prepareEvents(deps: IngestDeps, events: TransferEvent[]): Promise<PreparedEvent[]> {
  const targets = await findTargets(deps, events)
  const forInvoice = await invoiceTargets(deps, targets)
  const forLink = await linkSessionsOf(
    deps.db,
    targets.flatMap((t) => (t?.id && !t.customer_id ? [t.id] : [])),
  )
  const now = () => deps.clock?.now() ?? new Date()
  // Payments to customers' own stable addresses may pay their oldest open invoice.
  const stable = events.flatMap((event, i) => {
    const t = targets[i]
    return t?.id && t.customer_id && !forInvoice.has(t.id)
      ? [{ index: i, event, merchantId: t.merchant_id, customerId: t.customer_id }]
      : []
  })
  const stableApps = await prepareStableApplications({ ...deps, now }, stable)
  const stableApp = new Map(stable.map((s, k) => [s.index, stableApps[k]]))
  const out: PreparedEvent[] = []
  for (const [i, event] of events.entries()) {
    const target = targets[i]
    if (!target) continue
    const price = await priceEvent(deps, event, target.reporting_currency)
    const invoice =
      target.id && forInvoice.has(target.id)
        ? await prepareInvoiceApplication({ ...deps, now }, event, target.id)
        : stableApp.get(i)
    out.push({ event, target, price, invoice, linkSessionId: target.id ? forLink.get(target.id) : undefined })
  }
  return out
}

/** Which of the targets belong to an invoice (a quote's), not to a customer's stable address. */
async function invoiceTargets(deps: IngestDeps, targets: readonly (Target | undefined)[]) {
  const ids = [...new Set(targets.flatMap((t) => (t?.id ? [t.id] : [])))]
  if (ids.length === 0) return new Set<string>()
  const rows = await deps.db
    .selectFrom('deposit_targets as t')
    .select('t.id')
    .where('t.id', 'in', ids)
    .where(({ or, eb, exists, selectFrom }) =>
      or([
        eb('t.invoice_id', 'is not', null),
        exists(selectFrom('invoice_quotes as q').select('q.id').whereRef('q.deposit_target_id', '=', 't.id')),
      ]),
    )
    .execute()
  return new Set(rows.map((r) => r.id))
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
  const attributed = await withLinkPayers(trx, prepared)
  for (const round of distinctRounds(attributed)) out.push(...(await writeRound(trx, deps, round)))
  return out
}

/** A payment's identity on chain: (network, tx hash, event index). */
const keyOf = (e: {
  network: string
  txHash?: string
  tx_hash?: string
  eventIndex?: number
  event_index?: number
}) => `${e.network}\u0000${e.txHash ?? e.tx_hash}\u0000${e.eventIndex ?? e.event_index}`

/**
 * Splits the events into consecutive rounds in which no payment appears twice, so that the set-wise write
 * of a round sees each payment once and a later sighting in the same batch applies on top of the earlier.
 */
function distinctRounds(prepared: PreparedEvent[]): PreparedEvent[][] {
  const rounds: PreparedEvent[][] = []
  let round: PreparedEvent[] = []
  let keys = new Set<string>()
  for (const p of prepared) {
    const key = keyOf(p.event)
    if (keys.has(key)) {
      rounds.push(round)
      round = []
      keys = new Set()
    }
    keys.add(key)
    round.push(p)
  }
  if (round.length > 0) rounds.push(round)
  return rounds
}

/**
 * Writes events of distinct payments set-wise: per chunk one insert (a new payment is written in its
 * chain state at once), one locking read and one update of the payments seen before, one events insert
 * and one stats refresh — instead of a dozen statements per payment.
 */
async function writeRound(
  trx: Transaction<Database>,
  deps: IngestDeps,
  round: PreparedEvent[],
): Promise<IngestedPayment[]> {
  const at = new Date()
  const states = new Map(round.map((p) => [keyOf(p.event), stateOf(deps, p.event)]))
  const stateFor = (e: {
    network: string
    txHash?: string
    tx_hash?: string
    eventIndex?: number
    event_index?: number
  }) => states.get(keyOf(e)) as PaymentStateChange['next']
  // The insert locks the rows it creates until we commit: no one else can move them meanwhile.
  const fresh = new Map<string, PaymentRow>()
  for (let i = 0; i < round.length; i += CHUNK) {
    const rows = await insertPayments(
      trx,
      round.slice(i, i + CHUNK).map((p) => paymentRow(p, stateFor(p.event), at)),
    )
    for (const r of rows) fresh.set(keyOf(r), r)
  }
  for (const p of round) {
    const row = fresh.get(keyOf(p.event))
    if (row && p.invoice)
      await recordInvoiceApplication(trx, { id: row.id, merchantId: row.merchant_id }, p.invoice)
  }
  await learnPayerWallets(
    trx,
    round.flatMap(({ event: e, target }) =>
      fresh.has(keyOf(e)) && target.customer_id && e.status !== 'failed'
        ? [
            {
              merchantId: target.merchant_id,
              customerId: target.customer_id,
              network: e.network,
              from: e.from,
              to: e.to,
              seenAt: e.blockTime !== undefined ? new Date(e.blockTime * 1000) : at,
            },
          ]
        : [],
    ),
    deps.mode,
  )

  // Payments seen before: lock them, in id order (scan, verify and the confirmation job may all be
  // looking at them), and move them.
  const seen = round.filter((p) => !fresh.has(keyOf(p.event))).map((p) => p.event)
  const known = new Map<string, PaymentRow>()
  for (let i = 0; i < seen.length; i += CHUNK) {
    const events = seen.slice(i, i + CHUNK)
    const { rows } = await sql<PaymentRow>`
      select p.* from payments p
      join unnest(${events.map((e) => e.network)}::text[], ${events.map((e) => e.txHash)}::text[],
        ${events.map((e) => e.eventIndex)}::int[]) as k(network, tx_hash, event_index)
        on p.network = k.network and p.tx_hash = k.tx_hash and p.event_index = k.event_index
      order by p.id
      for update of p`.execute(trx)
    for (const r of rows) known.set(keyOf(r), r)
  }
  const knownRow = (e: TransferEvent) => {
    const row = known.get(keyOf(e))
    if (!row)
      throw new Error(`payment ${e.network} ${e.txHash}#${e.eventIndex} vanished while it was written`)
    return row
  }
  // A scan may not read the fee (a Bitcoin block's inputs carry no amounts): a later verify fills it in, if the
  // confirmation job (fill-fees.ts) has not already.
  const fees = seen.flatMap((e) => {
    const row = knownRow(e)
    return e.fee !== undefined && row.network_fee === null ? [{ id: row.id, fee: e.fee.toString() }] : []
  })
  if (fees.length > 0) {
    await sql`update payments p set network_fee = v.fee
      from unnest(${fees.map((f) => f.id)}::uuid[], ${fees.map((f) => f.fee)}::numeric[]) as v(id, fee)
      where p.id = v.id`.execute(trx)
  }
  const moves = seen.map((e) => {
    const current = knownRow(e)
    const next = { ...stateFor(e) }
    // Never move backwards on the same block: a slower node must not un-confirm a payment.
    if (e.blockRef && current.block_hash === e.blockRef.hash && current.confirmations > next.confirmations) {
      next.confirmations = current.confirmations
      next.status = current.status === 'confirmed' ? 'confirmed' : next.status
    }
    states.set(keyOf(e), next)
    return { current, next }
  })
  const moved = await updatePaymentStates(trx, moves, at)

  // A new payment follows as if it had been recorded pending and then moved: payment.detected shows it
  // as first seen, then its status event, its stats and its invoice as for any move.
  const created = [...fresh.values()].map((row) => ({
    current: firstRecorded(row),
    next: stateFor(row),
    row,
  }))
  await followPaymentStates(
    trx,
    [...created.filter((c) => c.next.status !== 'pending'), ...moved],
    at,
    created.map(({ current }) => ({
      merchantId: current.merchant_id,
      type: 'payment.detected',
      subjectId: current.id,
      data: { object: paymentEventObject(current) },
    })),
    new Set([...fresh.values()].map((row) => row.id)),
  )
  return round.map(({ event: e }) => {
    const row = fresh.get(keyOf(e)) ?? knownRow(e)
    return {
      id: row.id,
      merchantId: row.merchant_id,
      created: fresh.has(keyOf(e)),
      status: stateFor(e).status,
    }
  })
}

/** A new payment as it was when first seen: pending, in no block yet. */
function firstRecorded(row: PaymentRow): PaymentRow {
  return {
    ...row,
    status: 'pending',
    confirmations: 0,
    block_number: null,
    block_hash: null,
    block_time: null,
    counted: false,
    confirmed_at: null,
  }
}

function paymentRow(
  { event: e, target, price, invoice }: PreparedEvent,
  state: PaymentStateChange['next'],
  at: Date,
) {
  const counted = state.status === 'confirmed'
  return {
    id: newId(),
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
    status: state.status,
    confirmations: state.confirmations,
    block_number: state.blockNumber,
    block_hash: state.blockHash,
    block_time: state.blockTime,
    counted,
    confirmed_at: counted ? at : null,
    invoice_id: invoice?.invoiceId ?? null,
    network_fee: e.fee ?? null,
    matched_by: target.matched_by,
  }
}

type NewPaymentRow = ReturnType<typeof paymentRow>

/**
 * Inserts new payments, one statement a chunk with one array a column (a row's 30 parameters each would
 * make a statement of 15,000 to parse and plan), and returns the rows written: a payment already there
 * (the same event seen again) is left as it is and not returned.
 */
async function insertPayments(
  trx: Transaction<Database>,
  rows: readonly NewPaymentRow[],
): Promise<PaymentRow[]> {
  if (rows.length === 0) return []
  const col = <T>(f: (r: NewPaymentRow) => T) => rows.map(f)
  const { rows: written } = await sql<PaymentRow>`
    insert into payments (id, merchant_id, customer_id, deposit_target_id, network, asset, tx_hash, event_index,
      from_address, to_address, contract, memo, reference, amount, decimals, fiat_currency, fiat_value, rate,
      rate_source, status, confirmations, block_number, block_hash, block_time, counted, confirmed_at, invoice_id,
      network_fee, matched_by)
    select * from unnest(${col((r) => r.id)}::uuid[], ${col((r) => r.merchant_id)}::uuid[],
      ${col((r) => r.customer_id)}::uuid[], ${col((r) => r.deposit_target_id)}::uuid[], ${col((r) => r.network)}::text[],
      ${col((r) => r.asset)}::text[], ${col((r) => r.tx_hash)}::text[], ${col((r) => r.event_index)}::int[],
      ${col((r) => r.from_address)}::text[], ${col((r) => r.to_address)}::text[], ${col((r) => r.contract)}::text[],
      ${col((r) => r.memo)}::text[], ${col((r) => r.reference)}::text[], ${col((r) => r.amount)}::numeric[],
      ${col((r) => r.decimals)}::int[], ${col((r) => r.fiat_currency)}::text[], ${col((r) => r.fiat_value)}::numeric[],
      ${col((r) => r.rate)}::numeric[], ${col((r) => r.rate_source)}::text[], ${col((r) => r.status)}::text[],
      ${col((r) => r.confirmations)}::int[], ${col((r) => r.block_number)}::bigint[], ${col((r) => r.block_hash)}::text[],
      ${col((r) => r.block_time?.toISOString() ?? null)}::timestamptz[], ${col((r) => r.counted)}::boolean[],
      ${col((r) => r.confirmed_at?.toISOString() ?? null)}::timestamptz[], ${col((r) => r.invoice_id)}::uuid[],
      ${col((r) => r.network_fee?.toString() ?? null)}::numeric[], ${col((r) => r.matched_by)}::text[])
    on conflict (network, tx_hash, event_index) do nothing
    returning *`.execute(trx)
  return written
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

/** The chain state an event shows, against the confirmations the network needs. */
function stateOf(deps: IngestDeps, e: TransferEvent): PaymentStateChange['next'] {
  const inBlock = {
    blockNumber: e.blockRef ? Number(e.blockRef.number) : null,
    blockHash: e.blockRef?.hash ?? null,
    blockTime: e.blockTime ? new Date(e.blockTime * 1000) : null,
  }
  if (e.status === 'failed') return { status: 'failed', confirmations: 0, ...inBlock }
  if (!e.blockRef) return { status: 'pending', confirmations: 0, ...inBlock }
  // A node a block behind the one that told us of the event still sees it mined: at least 1.
  const confirmations = deps.confirmationsOf
    ? Math.max(1, deps.confirmationsOf(e))
    : e.status === 'confirmed'
      ? deps.confirmationsFor(e.network)
      : 1
  const status = confirmations >= deps.confirmationsFor(e.network) ? 'confirmed' : 'pending'
  return { status, confirmations, ...inBlock }
}
