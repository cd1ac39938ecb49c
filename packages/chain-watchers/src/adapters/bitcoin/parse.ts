import { Block, Transaction } from 'bitcoinjs-lib'
import { RpcError } from '../../errors.js'
import type { RpcAttempt } from '../../rpc/pool.js'

/**
 * Parses a raw block within an attempt. A body that does not parse, or a block with another hash, is a
 * retryable RpcError: a proxy cut it short or the node is broken, and another try or URL may do better.
 */
export function parseBlock(a: RpcAttempt, raw: Uint8Array, hash: string): Block {
  let block: Block
  try {
    block = Block.fromBuffer(raw)
  } catch (error) {
    throw new RpcError(a.network, a.url, `block ${hash} does not parse`, true, {
      details: `${raw.length} bytes`,
      cause: error,
    })
  }
  const id = block.getId()
  if (id !== hash) throw new RpcError(a.network, a.url, `asked for block ${hash}, got ${id}`, true)
  return block
}

/** Parses a raw transaction within an attempt, like parseBlock. */
export function parseTransaction(a: RpcAttempt, raw: Uint8Array, txid: string): Transaction {
  let tx: Transaction
  try {
    tx = Transaction.fromBuffer(raw)
  } catch (error) {
    throw new RpcError(a.network, a.url, `transaction ${txid} does not parse`, true, {
      details: `${raw.length} bytes`,
      cause: error,
    })
  }
  const id = tx.getId()
  if (id !== txid) throw new RpcError(a.network, a.url, `asked for transaction ${txid}, got ${id}`, true)
  return tx
}

/** Hex to bytes, or a retryable RpcError when the answer is not even-length hex. */
export function hexBytes(a: RpcAttempt, what: string, hex: unknown): Uint8Array {
  const bytes = typeof hex === 'string' && hex.length % 2 === 0 ? Buffer.from(hex, 'hex') : undefined
  // Buffer.from stops at the first non-hex digit, so a short result means the answer was not hex.
  if (!bytes || bytes.length * 2 !== (hex as string).length) {
    throw new RpcError(a.network, a.url, `${what} is not hex`, true, { details: String(hex).slice(0, 120) })
  }
  return bytes
}
