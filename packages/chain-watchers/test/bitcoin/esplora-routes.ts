import { Transaction } from 'bitcoinjs-lib'
import type { RegtestChain, StoredBlock } from './chain.js'
import { esploraBlock, esploraStatus, esploraTx } from './tx-json.js'

/** What a handler answers; the server turns it into an HTTP response. */
export interface Reply {
  status: number
  contentType: string
  body: string | Uint8Array
}

const text = (body: string, status = 200): Reply => ({ status, contentType: 'text/plain', body })
const json = (value: unknown): Reply => ({
  status: 200,
  contentType: 'application/json',
  body: JSON.stringify(value),
})
const binary = (body: Uint8Array): Reply => ({ status: 200, contentType: 'application/octet-stream', body })

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

// electrs parses ids with rust-bitcoin's FromStr: anything but 64 hex digits is "Invalid hex string".
function parseHash(value: string): string {
  if (!/^[0-9a-fA-F]{64}$/.test(value)) throw new HttpError(400, 'Invalid hex string')
  return value.toLowerCase()
}

function parseHeight(value: string): number {
  if (!/^\d+$/.test(value)) throw new HttpError(400, 'Invalid number')
  return Number(value)
}

/** Esplora indexes the best chain only: a stale block is "not found" (its status says in_best_chain false). */
function bestChainBlock(chain: RegtestChain, hash: string): StoredBlock {
  const stored = chain.blockByHash(hash)
  if (!stored || !chain.isActive(hash)) throw new HttpError(404, 'Block not found')
  return stored
}

/**
 * Esplora's REST API (Blockstream's electrs, `src/rest.rs`) over a RegtestChain: the paths, bodies, content
 * types and error texts of the real server, for the subset a payment watcher uses.
 */
export function handleEsplora(chain: RegtestChain, method: string, path: string, body: string): Reply {
  const parts = path.split('/').slice(1)
  try {
    return route(chain, method, parts, body) ?? text(`endpoint does not exist ${JSON.stringify(path)}`, 404)
  } catch (error) {
    if (error instanceof HttpError) return text(error.message, error.status)
    throw error
  }
}

function route(chain: RegtestChain, method: string, p: string[], body: string): Reply | undefined {
  const [a, b, c, d, e] = p
  if (method === 'POST' && a === 'tx' && b === undefined) return broadcast(chain, body)
  if (method !== 'GET') return undefined

  if (a === 'blocks' && b === 'tip' && c === 'height' && d === undefined) return text(String(chain.height))
  if (a === 'blocks' && b === 'tip' && c === 'hash' && d === undefined) return text(chain.tip.hash)
  if (a === 'block-height' && b !== undefined && c === undefined) {
    const stored = chain.blockAt(parseHeight(b))
    if (!stored) throw new HttpError(404, 'Block not found')
    return text(stored.hash)
  }

  if (a === 'block' && b !== undefined) {
    const known =
      c === undefined ||
      (['status', 'txids', 'header', 'raw'].includes(c) && d === undefined) ||
      (c === 'txid' && d !== undefined && e === undefined)
    if (!known) return undefined
    const hash = parseHash(b)
    if (c === undefined) return json(esploraBlock(bestChainBlock(chain, hash)))
    if (c === 'status' && d === undefined) {
      const stored = chain.blockByHash(hash)
      if (!stored || !chain.isActive(hash)) return json({ in_best_chain: false })
      const next = chain.blockAt(stored.height + 1)
      return json({ in_best_chain: true, height: stored.height, ...(next ? { next_best: next.hash } : {}) })
    }
    const stored = bestChainBlock(chain, hash)
    if (c === 'txids' && d === undefined) return json(stored.txids)
    if (c === 'header' && d === undefined) return text(stored.block.toHex(true))
    if (c === 'raw' && d === undefined) return binary(stored.raw)
    const txid = stored.txids[parseHeight(d ?? '')]
    if (txid === undefined) throw new HttpError(404, 'tx index out of range')
    return text(txid)
  }

  if (a === 'tx' && b !== undefined && d === undefined) {
    if (c !== undefined && c !== 'status' && c !== 'hex' && c !== 'raw') return undefined
    const txid = parseHash(b)
    // electrs keeps the transactions of blocks a reorg removed: they come back unconfirmed.
    const found = chain.lookupTx(txid) ?? chain.lookupStaleTx(txid)
    const block = found?.block && chain.isActive(found.block.hash) ? found.block : undefined
    // electrs answers {"confirmed":false} for a transaction it has never seen, too.
    if (c === 'status') return json(esploraStatus(block))
    if (!found) throw new HttpError(404, 'Transaction not found')
    if (c === undefined) return json(esploraTx(chain, found.tx, block))
    return c === 'hex' ? text(found.tx.toHex()) : binary(found.tx.toBuffer())
  }
  return undefined
}

function broadcast(chain: RegtestChain, body: string): Reply {
  let tx: Transaction
  try {
    tx = Transaction.fromHex(body.trim())
  } catch (error) {
    throw new HttpError(
      400,
      `sendrawtransaction RPC error: {"code":-22,"message":"TX decode failed. ${error}"}`,
    )
  }
  try {
    return text(chain.submit(tx))
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^[0-9a-f]{64}: /, '') : String(error)
    throw new HttpError(400, `sendrawtransaction RPC error: {"code":-26,"message":"${reason}"}`)
  }
}
