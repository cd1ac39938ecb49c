import { InvalidInputError } from '../../errors.js'
import { isBase58Of } from './read.js'

/**
 * Where the scan of one address's history stands. getSignaturesForAddress lists newest first, so the
 * scan walks down from the top (or from `below`) to `after` and processes the oldest part of what it saw.
 */
export interface Position {
  /** The newest signature processed, with its slot: listing stops there (`until`). */
  after?: { signature: string; slot: bigint }
  /**
   * A stack of `before` signatures, lowest last: only history below the last one is being processed now;
   * each one above is a stretch still to come. It grows when the way down to `after` is longer than one
   * call may walk, or when a page limit leaves more than one listing call's worth behind.
   */
  below: string[]
}

/** Everything a scan of one wallet carries to the next call, as the opaque cursor string. */
export interface ScanState {
  account: string
  /** By address: the wallet's own history and each token's associated token account. */
  positions: Map<string, Position>
  /**
   * The signatures already processed in the newest slot processed: a transaction that touches two of the
   * addresses can be read through one of them while the other's position is still before it, and must
   * not be reported twice when that one catches up.
   */
  boundary?: { slot: bigint; signatures: string[] }
}

interface CursorJson {
  v: 1
  account: string
  positions: Record<string, { after?: { signature: string; slot: string }; below?: string[] }>
  boundary?: { slot: string; signatures: string[] }
}

/** Reads a cursor of `account` (null: from the account's first transaction). */
export function decodeCursor(cursor: string | null, account: string): ScanState {
  if (cursor === null) return { account, positions: new Map() }
  let json: CursorJson
  try {
    json = JSON.parse(cursor) as CursorJson
  } catch (cause) {
    throw new InvalidInputError('Not a Solana scan cursor: not JSON', { cause })
  }
  if (json?.v !== 1 || typeof json.positions !== 'object' || json.positions === null) {
    throw new InvalidInputError('Not a Solana scan cursor', { details: cursor.slice(0, 200) })
  }
  if (json.account !== account) {
    throw new InvalidInputError(`This cursor belongs to ${String(json.account)}, not to ${account}`)
  }
  const positions = new Map<string, Position>()
  for (const [address, p] of Object.entries(json.positions)) {
    if (!isBase58Of(address, 32)) throw new InvalidInputError(`Solana scan cursor: bad address ${address}`)
    positions.set(address, {
      ...(p.after ? { after: { signature: signature(p.after.signature), slot: slot(p.after.slot) } } : {}),
      below: (p.below ?? []).map(signature),
    })
  }
  return {
    account,
    positions,
    ...(json.boundary
      ? { boundary: { slot: slot(json.boundary.slot), signatures: json.boundary.signatures.map(signature) } }
      : {}),
  }
}

/** Writes the state as the cursor string: JSON, stable for equal states. */
export function encodeCursor(state: ScanState): string {
  const positions: CursorJson['positions'] = {}
  for (const [address, p] of state.positions) {
    positions[address] = {
      ...(p.after ? { after: { signature: p.after.signature, slot: p.after.slot.toString() } } : {}),
      ...(p.below.length ? { below: p.below } : {}),
    }
  }
  const json: CursorJson = {
    v: 1,
    account: state.account,
    positions,
    ...(state.boundary
      ? { boundary: { slot: state.boundary.slot.toString(), signatures: state.boundary.signatures } }
      : {}),
  }
  return JSON.stringify(json)
}

function signature(value: unknown): string {
  if (typeof value !== 'string' || !isBase58Of(value, 64)) {
    throw new InvalidInputError(`Solana scan cursor: bad signature ${String(value)}`)
  }
  return value
}

function slot(value: unknown): bigint {
  if (typeof value !== 'string' || !/^\d{1,20}$/.test(value)) {
    throw new InvalidInputError(`Solana scan cursor: bad slot ${String(value)}`)
  }
  return BigInt(value)
}
