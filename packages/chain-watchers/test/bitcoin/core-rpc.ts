import type { RegtestChain } from './chain.js'
import type { Reply } from './esplora-routes.js'
import {
  bitsHex,
  chainworkHex,
  coreBlock,
  coreHeader,
  coreJson,
  coreTx,
  difficulty,
  targetHex,
} from './tx-json.js'

// Bitcoin Core's error codes (src/rpc/protocol.h).
const RPC_INVALID_REQUEST = -32600
const RPC_METHOD_NOT_FOUND = -32601
const RPC_PARSE_ERROR = -32700
const RPC_MISC_ERROR = -1
const RPC_TYPE_ERROR = -3
const RPC_INVALID_ADDRESS_OR_KEY = -5
const RPC_INVALID_PARAMETER = -8

class RpcFailure extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message)
  }
}

type Params = unknown[] | Record<string, unknown> | undefined
/** How the emulated node differs from today's Core. */
export interface CoreNodeOptions {
  /** Core's version number (250000 = 25.0); before 25.0, getrawtransaction reads verbosity 2 as 1. */
  version?: number
}

type Method = (
  chain: RegtestChain,
  arg: (index: number, name: string) => unknown,
  node: CoreNodeOptions,
) => unknown

/** ParseHashV: 64 hex digits, or Core's exact complaint naming the parameter. */
function parseHash(value: unknown, name: string): string {
  if (typeof value !== 'string') {
    throw new RpcFailure(
      RPC_TYPE_ERROR,
      `JSON value of type ${jsonType(value)} is not of expected type string`,
    )
  }
  if (value.length !== 64) {
    throw new RpcFailure(
      RPC_INVALID_PARAMETER,
      `${name} must be of length 64 (not ${value.length}, for '${value}')`,
    )
  }
  if (!/^[0-9a-fA-F]{64}$/.test(value)) {
    throw new RpcFailure(RPC_INVALID_PARAMETER, `${name} must be hexadecimal string (not '${value}')`)
  }
  return value.toLowerCase()
}

function jsonType(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value === 'object' ? 'object' : typeof value
}

/** ParseVerbosity with allow_bool: true/false are 1/0, numbers are taken as they are. */
function parseVerbosity(value: unknown, fallback: number): number {
  if (value === undefined || value === null) return fallback
  if (typeof value === 'boolean') return value ? 1 : 0
  if (typeof value === 'number' && Number.isInteger(value)) return value
  throw new RpcFailure(RPC_TYPE_ERROR, `JSON value of type ${jsonType(value)} is not of expected type number`)
}

const methods: Record<string, Method> = {
  getblockchaininfo: (chain) => {
    const tip = chain.tip
    return {
      chain: 'regtest',
      blocks: chain.height,
      headers: chain.height,
      bestblockhash: tip.hash,
      bits: bitsHex(tip.block.bits),
      target: targetHex(tip.block.bits),
      difficulty: difficulty(tip.block.bits),
      time: tip.block.timestamp,
      mediantime: tip.medianTime,
      verificationprogress: 1,
      initialblockdownload: false,
      chainwork: chainworkHex(chain.height),
      size_on_disk: 0,
      pruned: false,
      warnings: [],
    }
  },
  getblockcount: (chain) => chain.height,
  getbestblockhash: (chain) => chain.tip.hash,
  getblockhash: (chain, arg) => {
    const height = arg(0, 'height')
    if (typeof height !== 'number' || !Number.isInteger(height)) {
      throw new RpcFailure(
        RPC_TYPE_ERROR,
        `JSON value of type ${jsonType(height)} is not of expected type number`,
      )
    }
    const stored = chain.blockAt(height)
    if (height < 0 || !stored) throw new RpcFailure(RPC_INVALID_PARAMETER, 'Block height out of range')
    return stored.hash
  },
  getblockheader: (chain, arg) => {
    const stored = chain.blockByHash(parseHash(arg(0, 'blockhash'), 'blockhash'))
    if (!stored) throw new RpcFailure(RPC_INVALID_ADDRESS_OR_KEY, 'Block not found')
    const verbose = arg(1, 'verbose')
    if (verbose === false) return stored.block.toHex(true)
    return coreHeader(chain, stored)
  },
  getblock: (chain, arg) => {
    const stored = chain.blockByHash(parseHash(arg(0, 'blockhash'), 'blockhash'))
    if (!stored) throw new RpcFailure(RPC_INVALID_ADDRESS_OR_KEY, 'Block not found')
    const verbosity = parseVerbosity(arg(1, 'verbosity'), 1)
    if (verbosity <= 0) return Buffer.from(stored.raw).toString('hex')
    return coreBlock(chain, stored, verbosity >= 3 ? 3 : (verbosity as 1 | 2))
  },
  getrawtransaction: (chain, arg, node) => {
    const txid = parseHash(arg(0, 'txid'), 'parameter 1')
    if (txid === chain.blockAt(0)!.txids[0]) {
      throw new RpcFailure(
        RPC_INVALID_ADDRESS_OR_KEY,
        'The genesis block coinbase is not considered an ordinary transaction and cannot be retrieved',
      )
    }
    const asked = parseVerbosity(arg(1, 'verbosity'), 0)
    const verbosity = (node.version ?? 290000) < 250000 ? Math.min(asked, 1) : asked
    const blockhashArg = arg(2, 'blockhash')
    // With -txindex, a transaction of a block a reorg removed is still found, with that block's hash.
    let found = chain.lookupTx(txid) ?? chain.lookupStaleTx(txid)
    let inActiveChain: boolean | undefined
    if (blockhashArg !== undefined && blockhashArg !== null) {
      const stored = chain.blockByHash(parseHash(blockhashArg, 'parameter 3'))
      if (!stored) throw new RpcFailure(RPC_INVALID_ADDRESS_OR_KEY, 'Block hash not found')
      inActiveChain = chain.isActive(stored.hash)
      const index = stored.txids.indexOf(txid)
      if (index < 0) {
        throw new RpcFailure(
          RPC_INVALID_ADDRESS_OR_KEY,
          'No such transaction found in the provided block. Use gettransaction for wallet transactions.',
        )
      }
      found = { tx: stored.block.transactions![index]!, block: stored }
    }
    if (!found) {
      // This node runs with -txindex, so the message is the one for a fully indexed node.
      throw new RpcFailure(
        RPC_INVALID_ADDRESS_OR_KEY,
        'No such mempool or blockchain transaction. Use gettransaction for wallet transactions.',
      )
    }
    if (verbosity <= 0) return found.tx.toHex()
    const { block } = found
    const active = block !== undefined && chain.isActive(block.hash)
    const decoded = coreTx(
      chain,
      found.tx,
      { includeHex: true, ...(verbosity >= 2 && active ? { details: 'prevout' as const } : {}) },
      block,
    )
    return {
      ...(inActiveChain !== undefined ? { in_active_chain: inActiveChain } : {}),
      ...decoded,
      ...(block
        ? {
            blockhash: block.hash,
            confirmations: active ? chain.height - block.height + 1 : 0,
            ...(active ? { time: block.block.timestamp, blocktime: block.block.timestamp } : {}),
          }
        : {}),
    }
  },
}

interface Request {
  jsonrpc?: unknown
  id?: unknown
  method?: unknown
  params?: unknown
}

function execute(chain: RegtestChain, req: Request, node: CoreNodeOptions): unknown {
  if (typeof req.method !== 'string') throw new RpcFailure(RPC_INVALID_REQUEST, 'Method must be a string')
  const method = methods[req.method]
  if (!method) throw new RpcFailure(RPC_METHOD_NOT_FOUND, 'Method not found')
  const params = req.params as Params
  if (params !== undefined && params !== null && typeof params !== 'object') {
    throw new RpcFailure(RPC_INVALID_REQUEST, 'Params must be an array or object')
  }
  const arg = (index: number, name: string) => (Array.isArray(params) ? params[index] : params?.[name])
  return method(chain, arg, node)
}

function reply(req: Request, result: unknown, error: RpcFailure | undefined) {
  const errorObj = error ? { code: error.code, message: error.message } : undefined
  if (req.jsonrpc === '2.0') {
    return errorObj
      ? { jsonrpc: '2.0', error: errorObj, id: req.id ?? null }
      : { jsonrpc: '2.0', result, id: req.id }
  }
  return { result: errorObj ? null : result, error: errorObj ?? null, id: req.id ?? null }
}

function run(
  chain: RegtestChain,
  req: Request,
  node: CoreNodeOptions,
): { body: unknown; error?: RpcFailure } {
  try {
    return { body: reply(req, execute(chain, req, node), undefined) }
  } catch (error) {
    const failure = error instanceof RpcFailure ? error : new RpcFailure(RPC_MISC_ERROR, String(error))
    return { body: reply(req, undefined, failure), error: failure }
  }
}

/**
 * Bitcoin Core's JSON-RPC over HTTP (src/httprpc.cpp): legacy 1.0 requests get `{result, error, id}` and
 * HTTP 500 on error (404 for an unknown method, 400 for an invalid request); JSON-RPC 2.0 requests get
 * HTTP 200 with either result or error (204 for a notification); batches answer 200 with an array.
 */
export function handleCoreRpc(chain: RegtestChain, body: string, node: CoreNodeOptions = {}): Reply {
  const jsonReply = (status: number, value: unknown): Reply => ({
    status,
    contentType: 'application/json',
    body: `${coreJson(value)}\n`,
  })
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return jsonReply(500, {
      result: null,
      error: { code: RPC_PARSE_ERROR, message: 'Parse error' },
      id: null,
    })
  }
  if (Array.isArray(parsed)) {
    const replies = parsed
      .map((req) => (typeof req === 'object' && req !== null ? (req as Request) : {}))
      .filter((req) => !(req.jsonrpc === '2.0' && !('id' in req)))
      .map((req) => run(chain, req, node).body)
    return jsonReply(200, replies)
  }
  if (typeof parsed !== 'object' || parsed === null) {
    return jsonReply(500, {
      result: null,
      error: { code: RPC_PARSE_ERROR, message: 'Top-level object parse error' },
      id: null,
    })
  }
  const req = parsed as Request
  const { body: out, error } = run(chain, req, node)
  if (req.jsonrpc === '2.0') {
    if (!('id' in req)) return { status: 204, contentType: 'application/json', body: '' }
    return jsonReply(200, out)
  }
  if (!error) return jsonReply(200, out)
  const status = error.code === RPC_INVALID_REQUEST ? 400 : error.code === RPC_METHOD_NOT_FOUND ? 404 : 500
  return jsonReply(status, out)
}
