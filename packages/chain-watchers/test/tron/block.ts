import { sha256 } from '@noble/hashes/sha2.js'
import { utils } from 'tronweb'
import { encodeMessage } from './protobuf.js'

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex')
const bytes = (h: string) => Uint8Array.from(Buffer.from(h, 'hex'))

/** The fields of protocol.BlockHeader.raw that a block carries here. */
export interface BlockHeaderRaw {
  number: number
  /** Milliseconds. */
  timestamp: number
  parentHash: string
  txTrieRoot: string
  /** 41-prefixed hex. */
  witnessAddress: string
  version: number
}

/** protocol.BlockHeader.raw as java-tron serialises it (field numbers from Tron.proto). */
export function encodeHeaderRaw(raw: BlockHeaderRaw): Uint8Array {
  return encodeMessage([
    [1, raw.timestamp],
    [2, bytes(raw.txTrieRoot)],
    [3, bytes(raw.parentHash)],
    [7, raw.number],
    [9, bytes(raw.witnessAddress)],
    [10, raw.version],
  ])
}

/** java-tron's BlockId: the number as 8 big-endian bytes, then the last 24 bytes of SHA-256(raw). */
export function blockId(raw: BlockHeaderRaw): string {
  const digest = sha256(encodeHeaderRaw(raw))
  return raw.number.toString(16).padStart(16, '0') + hex(digest).slice(16)
}

/** The witness's signature over SHA-256(raw), r‖s‖v as java-tron stores it. */
export function signHeader(raw: BlockHeaderRaw, witnessKey: string): string {
  return utils.crypto.ECKeySign(sha256(encodeHeaderRaw(raw)), bytes(witnessKey)).toLowerCase()
}

/** The merkle leaf of a transaction: SHA-256 of protocol.Transaction (raw_data and signatures). */
export function transactionLeaf(rawDataHex: string, signatures: readonly string[]): Uint8Array {
  return sha256(
    encodeMessage([[1, bytes(rawDataHex)], ...signatures.map((s) => [2, bytes(s)] as [number, Uint8Array])]),
  )
}

/** The txTrieRoot: pairs hashed with SHA-256 up to one root, an odd last node promoted; zeros when empty. */
export function merkleRoot(leaves: Uint8Array[]): string {
  if (leaves.length === 0) return '00'.repeat(32)
  let level = leaves
  while (level.length > 1) {
    const next: Uint8Array[] = []
    for (let i = 0; i < level.length; i += 2) {
      const right = level[i + 1]
      next.push(right ? sha256(Uint8Array.from([...level[i]!, ...right])) : level[i]!)
    }
    level = next
  }
  return hex(level[0]!)
}
