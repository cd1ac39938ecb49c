import { normalizeSolanaAddress } from '../../address/solana.js'
import { InvalidInputError } from '../../errors.js'
import type { RpcPool } from '../../rpc/pool.js'
import type { AccountScanResult, BlockRef, TransferEvent } from '../types.js'
import { blockOf } from './blocks.js'
import type { SolanaContext } from './config.js'
import { decodeCursor, encodeCursor, type Position, type ScanState } from './cursor.js'
import { transactionTransfers } from './events.js'
import { getHead } from './head.js'
import type { SignatureInfo } from './responses.js'
import { type Listing, listSignatures } from './signatures.js'
import { getTransaction } from './transactions.js'

export interface ScanAccountParameters {
  context: SolanaContext
  account: string
  cursor: string | null
  limit?: number
}

type SolanaSdk = [typeof import('@solana/web3.js'), typeof import('@solana/spl-token')]
let sdk: Promise<SolanaSdk> | undefined
/** The Solana SDKs (~30 MB of memory) load with the first scan, not in every process that imports this. */
const solanaSdk = () => (sdk ??= Promise.all([import('@solana/web3.js'), import('@solana/spl-token')]))

/** The addresses whose history holds the wallet's payments: its own, and its token accounts (ATAs). */
export async function watchedAddresses(context: SolanaContext, wallet: string): Promise<string[]> {
  const [{ PublicKey }, { getAssociatedTokenAddressSync }] = await solanaSdk()
  const owner = new PublicKey(wallet)
  const atas = [...context.tokens.values()].map((t) =>
    // Off-curve owners (a multisig vault's PDA) have token accounts too.
    getAssociatedTokenAddressSync(new PublicKey(t.mint), owner, true).toBase58(),
  )
  return [wallet, ...atas]
}

/**
 * Payments into a wallet after the cursor, oldest first: the new signatures of the wallet and of its
 * token accounts (SOL arrives at the wallet, USDC at its associated token account, and a transfer to the
 * latter need not name the wallet), merged by slot, each transaction read once, at most `limit` of them.
 * Events are those of `transactionTransfers` whose recipient is the wallet, failed attempts included.
 */
export async function scanAccount(
  pool: RpcPool,
  { context, account, cursor, limit = context.scanLimit }: ScanAccountParameters,
): Promise<AccountScanResult> {
  if (!Number.isInteger(limit) || limit < 1)
    throw new InvalidInputError(`Scan limit must be positive, not ${limit}`)
  const wallet = normalizeSolanaAddress(account)
  const state = decodeCursor(cursor, wallet)
  const addresses = await watchedAddresses(context, wallet)
  const minContextSlot = newestSlot(state)
  const listings = await Promise.all(
    addresses.map((address) =>
      listSignatures(pool, { context, address, position: positionOf(state, address), minContextSlot }),
    ),
  )

  const next: ScanState = {
    account: wallet,
    positions: new Map(),
    ...(state.boundary ? { boundary: state.boundary } : {}),
  }
  if (listings.some((l) => l.kind === 'descending')) {
    // Still walking down a long history to the cursor: keep the way down, read nothing yet.
    addresses.forEach((address, i) => {
      next.positions.set(address, { ...positionOf(state, address), below: listings[i]!.below })
    })
    return result(cursor, state, next, [], true)
  }

  const listed = listings as Extract<Listing, { kind: 'listed' }>[]
  const { toRead, taken } = pick(listed, state.boundary, limit)
  const found = toRead.length ? await readTransfers(pool, context, await getHead(pool), toRead) : []

  let more = false
  addresses.forEach((address, i) => {
    const { items, below } = listed[i]!
    const k = taken[i]!
    const position: Position = { ...positionOf(state, address), below: [...below] }
    if (k > 0) position.after = { signature: items[k - 1]!.signature, slot: items[k - 1]!.slot }
    // A stretch that ended at a `below` marker has history above it still to list.
    if (below.length > 0) more = true
    if (k === items.length) position.below.pop()
    else {
      // Leave a marker so that the next call lists the rest of this stretch with one call, not several.
      const step = Math.max(context.signaturePageSize - 1, 1)
      const marker = items[k + step]
      if (marker) position.below.push(marker.signature)
    }
    if (k < items.length || position.below.length > 0) more = true
    next.positions.set(address, position)
  })
  const boundary = nextBoundary(state.boundary, listed, taken)
  if (boundary) next.boundary = boundary
  else delete next.boundary
  return result(
    cursor,
    state,
    next,
    found.filter((e) => e.to === wallet),
    more,
  )
}

/**
 * Which signatures this call processes, in slot order across the addresses, and how many of each
 * address's list that covers. Nothing past the newest slot listed of an address with more to list is
 * taken (its unlisted history may be older), and a transaction met through two addresses is read once.
 */
function pick(
  listed: { items: SignatureInfo[]; below: string[] }[],
  boundary: ScanState['boundary'],
  limit: number,
) {
  const horizon = listed
    .filter((l) => l.below.length > 0 && l.items.length > 0)
    .reduce<bigint | undefined>((min, l) => {
      const newest = l.items.at(-1)!.slot
      return min === undefined || newest < min ? newest : min
    }, undefined)
  const merged = listed
    .flatMap((l, source) => l.items.map((item, at) => ({ item, source, at })))
    .filter(({ item }) => horizon === undefined || item.slot <= horizon)
    .sort((a, b) => (a.item.slot === b.item.slot ? 0 : a.item.slot < b.item.slot ? -1 : 1))
  const taken = listed.map(() => 0)
  const seen = new Set(boundary?.signatures ?? [])
  const chosen = new Set<string>()
  const toRead: SignatureInfo[] = []
  for (const { item, source, at } of merged) {
    const again = chosen.has(item.signature) || (boundary?.slot === item.slot && seen.has(item.signature))
    if (!again && toRead.length >= limit) break
    taken[source] = at + 1
    if (again) continue
    chosen.add(item.signature)
    toRead.push(item)
  }
  return { toRead, taken }
}

/** The signatures processed in the newest slot processed (carried over while that slot stays the newest). */
function nextBoundary(
  previous: ScanState['boundary'],
  listed: { items: SignatureInfo[] }[],
  taken: number[],
): ScanState['boundary'] {
  const processed = listed.flatMap((l, i) => l.items.slice(0, taken[i]))
  if (processed.length === 0) return previous
  let slot = 0n
  for (const s of processed) if (s.slot > slot) slot = s.slot
  const signatures = new Set(previous?.slot === slot ? previous.signatures : [])
  for (const s of processed) if (s.slot === slot) signatures.add(s.signature)
  return { slot, signatures: [...signatures] }
}

async function readTransfers(
  pool: RpcPool,
  context: SolanaContext,
  head: Awaited<ReturnType<typeof getHead>>,
  toRead: SignatureInfo[],
): Promise<TransferEvent[]> {
  const blocks = new Map<bigint, Promise<BlockRef>>()
  const blockAt = (slot: bigint) => {
    let block = blocks.get(slot)
    if (!block) {
      block = blockOf(pool, slot).then(({ number, hash }) => ({ number, hash }))
      blocks.set(slot, block)
    }
    return block
  }
  const perTx = await mapConcurrent(toRead, context.fetchConcurrency, async ({ signature }) => {
    const tx = (await getTransaction(pool, signature, { listed: true }))!
    return transactionTransfers(context, tx, await blockAt(tx.slot), head)
  })
  return perTx.flat()
}

/** Runs `run` over the items with at most `concurrency` at once, keeping their order. */
async function mapConcurrent<T, R>(
  items: T[],
  concurrency: number,
  run: (item: T) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      out[i] = await run(items[i]!)
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker))
  return out
}

function positionOf(state: ScanState, address: string): Position {
  return state.positions.get(address) ?? { below: [] }
}

function newestSlot(state: ScanState): bigint | undefined {
  let max = state.boundary?.slot
  for (const p of state.positions.values())
    if (p.after && (max === undefined || p.after.slot > max)) max = p.after.slot
  return max
}

/** The page; the cursor passed in, unchanged, when the scan moved nothing (null stays null). */
function result(
  cursor: string | null,
  before: ScanState,
  after: ScanState,
  events: TransferEvent[],
  more: boolean,
): AccountScanResult {
  const encoded = encodeCursor(after)
  const unchanged = cursor === null ? isEmpty(after) : encoded === encodeCursor(before)
  return { events, cursor: unchanged ? cursor : encoded, more }
}

function isEmpty(state: ScanState): boolean {
  return !state.boundary && [...state.positions.values()].every((p) => !p.after && p.below.length === 0)
}
