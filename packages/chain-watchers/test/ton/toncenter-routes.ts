import { Address } from '@ton/core'
import type { MasterchainBlock, TonTestChain } from './chain.js'
import { type JsonOptions, transactionJson } from './toncenter-json.js'

/** An answer: the HTTP status and the JSON body toncenter sends with it. */
export interface ToncenterReply {
  status: number
  body: Record<string, unknown>
}

type Params = Record<string, unknown>

const MASTERCHAIN_SHARD = '-9223372036854775808'

/**
 * toncenter API v2's methods over a TonTestChain, answered as ton-http-api does: `{ ok: true, result }`,
 * or `{ ok: false, error, code }` with the code as HTTP status (416 for an unreadable address, 422 for a
 * parameter out of range, 500 for what tonlib could not find).
 */
export function handleToncenter(
  chain: TonTestChain,
  method: string,
  params: Params,
  opts: JsonOptions,
): ToncenterReply {
  try {
    switch (method) {
      case 'getTransactions':
        return ok(getTransactions(chain, params, opts))
      case 'getMasterchainInfo':
        return ok({
          '@type': 'blocks.masterchainInfo',
          last: blockIdExt(chain.last),
          state_root_hash: chain.last.fileHash.toString('base64'),
          init: blockIdExt(chain.blocks[0]!),
        })
      case 'lookupBlock':
        return ok(lookupBlock(chain, params))
      default:
        return fail(404, 'Not Found')
    }
  } catch (error) {
    if (error instanceof ToncenterError) return fail(error.code, error.message)
    throw error
  }
}

function getTransactions(chain: TonTestChain, params: Params, opts: JsonOptions) {
  const account = parseAddress(params.address)
  const limit = integer(params.limit, 10, 'limit')
  if (limit < 1 || limit > 100)
    throw new ToncenterError(422, 'Validation error: limit must be between 1 and 100')
  const toLt = BigInt(integerText(params.to_lt, '0', 'to_lt'))
  const history = [...chain.history(account)].reverse()
  let start = 0
  // Like pytonlib: the account's last transaction unless both lt and hash are given.
  if (params.lt !== undefined && params.hash !== undefined) {
    const lt = BigInt(integerText(params.lt, '0', 'lt'))
    const hash = hashHex(String(params.hash))
    start = history.findIndex((c) => c.tx.lt === lt && c.tx.hash().toString('hex') === hash)
    if (start < 0) {
      throw new ToncenterError(
        500,
        "Couldn't get next transactions chunk: LITE_SERVER_UNKNOWN: cannot find transaction",
      )
    }
  }
  const out = []
  for (const c of history.slice(start)) {
    if (out.length >= limit || c.tx.lt <= toLt) break
    out.push(transactionJson(c.tx, opts))
  }
  return out
}

function lookupBlock(chain: TonTestChain, params: Params) {
  if (integer(params.workchain, 0, 'workchain') !== -1 || String(params.shard) !== MASTERCHAIN_SHARD) {
    throw new ToncenterError(500, 'LITE_SERVER_UNKNOWN: this node serves no shardchain blocks')
  }
  const block = chain.blocks[integer(params.seqno, -1, 'seqno')]
  if (!block) throw new ToncenterError(500, 'LITE_SERVER_NOTREADY: block is not applied')
  return blockIdExt(block)
}

function blockIdExt(block: MasterchainBlock) {
  return {
    '@type': 'ton.blockIdExt',
    workchain: -1,
    shard: MASTERCHAIN_SHARD,
    seqno: block.seqno,
    root_hash: block.rootHash.toString('base64'),
    file_hash: block.fileHash.toString('base64'),
  }
}

class ToncenterError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message)
  }
}

function parseAddress(value: unknown): string {
  try {
    return Address.parse(String(value)).toRawString()
  } catch {
    throw new ToncenterError(416, 'Incorrect address')
  }
}

// Query strings carry numbers as text, JSON-RPC as numbers or text (lt does not fit a double).
function integer(value: unknown, fallback: number, name: string): number {
  return Number(integerText(value, String(fallback), name))
}

function integerText(value: unknown, fallback: string, name: string): string {
  if (value === undefined || value === null || value === '') return fallback
  const text = String(value)
  if (!/^-?\d+$/.test(text)) throw new ToncenterError(422, `Validation error: ${name} is not an integer`)
  return text
}

function hashHex(hash: string): string {
  return /^[0-9a-fA-F]{64}$/.test(hash) ? hash.toLowerCase() : Buffer.from(hash, 'base64').toString('hex')
}

function ok(result: unknown): ToncenterReply {
  return { status: 200, body: { ok: true, result, '@extra': `${Date.now() / 1000}:0:0.5` } }
}

function fail(code: number, error: string): ToncenterReply {
  return { status: code, body: { ok: false, error, code } }
}
