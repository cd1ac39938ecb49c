import { JsonRpcError } from '../../rpc/errors.js'
import { callJsonRpc, createJsonRpcBatcher } from '../../rpc/json-rpc.js'
import type { RpcPool } from '../../rpc/pool.js'
import type { BackendTransaction, BitcoinBackend } from './backend.js'
import { hexBytes, parseBlock, parseTransaction } from './parse.js'

// Bitcoin Core's RPC_INVALID_ADDRESS_OR_KEY ("No such mempool or blockchain transaction") and
// RPC_INVALID_PARAMETER ("Block height out of range").
const RPC_INVALID_ADDRESS_OR_KEY = -5
const RPC_INVALID_PARAMETER = -8

interface CoreHeader {
  hash: string
  height: number
  time: number
  confirmations: number
}

interface CoreRawTransaction {
  hex: string
  blockhash?: string
  confirmations?: number
  /** In BTC, a JSON number with 8 decimals; only with the block's undo data (mined transactions). */
  fee?: number
  vin: { coinbase?: string; prevout?: { scriptPubKey?: { address?: string } } }[]
}

/**
 * Bitcoin Core's JSON-RPC: getblock with verbosity 0 for raw blocks, getrawtransaction with verbosity 2
 * (prevouts of mined transactions; nodes before 25.0 read 2 as plain verbose). Needs `txindex=1` to find
 * mined transactions. The small calls made in the same tick (a scan's tip and block hashes) share one
 * batch request, up to `batchSize` (1 turns batching off).
 */
export function createCoreBackend(
  pool: RpcPool,
  { batchSize = 100 }: { batchSize?: number } = {},
): BitcoinBackend {
  const batcher = createJsonRpcBatcher(pool, { maxSize: batchSize })
  const call = <T>(method: string, params: unknown[]) => batcher.request<T>(method, params)
  let tellsNoFees = false

  return {
    kind: 'core',
    getTipHeight: () => call<number>('getblockcount', []),

    async getTip() {
      const hash = await call<string>('getbestblockhash', [])
      const header = await call<CoreHeader>('getblockheader', [hash, true])
      return { height: header.height, hash: header.hash, time: header.time }
    },

    getBlockHash: (height) =>
      call<string>('getblockhash', [height]).catch((error) => {
        if (isRpcCode(error, RPC_INVALID_PARAMETER)) return undefined
        throw error
      }),

    getBlock: (hash) =>
      pool
        .request(async (a) =>
          parseBlock(a, hexBytes(a, 'getblock', await callJsonRpc(a, 'getblock', [hash, 0])), hash),
        )
        .catch((error) => {
          if (isRpcCode(error, RPC_INVALID_ADDRESS_OR_KEY)) return undefined
          throw error
        }),

    // With the block's hash Core reads the transaction from that block (no txindex needed) and, at
    // verbosity 2, its prevouts and fee from the block's undo data. A node that answers a mined
    // transaction without a fee predates 25.0: it is not asked again while this process runs.
    getMinedFee: async (txid, blockHash) => {
      if (tellsNoFees) return undefined
      const info = await call<CoreRawTransaction>('getrawtransaction', [txid, 2, blockHash]).catch(
        (error) => {
          if (isRpcCode(error, RPC_INVALID_ADDRESS_OR_KEY)) return undefined
          throw error
        },
      )
      if (!info || info.vin[0]?.coinbase !== undefined) return undefined
      if (typeof info.fee === 'number' && Number.isFinite(info.fee)) return btcToSats(info.fee)
      tellsNoFees = true
      return undefined
    },

    async getTransaction(txid) {
      let found: { info: CoreRawTransaction; tx: BackendTransaction['tx'] }
      try {
        found = await pool.request(async (a) => {
          const info = await callJsonRpc<CoreRawTransaction>(a, 'getrawtransaction', [txid, 2])
          return { info, tx: parseTransaction(a, hexBytes(a, 'getrawtransaction', info.hex), txid) }
        })
      } catch (error) {
        if (isRpcCode(error, RPC_INVALID_ADDRESS_OR_KEY)) return undefined
        throw error
      }
      const { info, tx } = found
      const result: BackendTransaction = { tx, status: { confirmed: false } }
      const first = info.vin[0]
      if (first?.coinbase !== undefined) result.firstInputAddress = null
      else if (first?.prevout) result.firstInputAddress = first.prevout.scriptPubKey?.address ?? null
      if (typeof info.fee === 'number' && Number.isFinite(info.fee)) result.fee = btcToSats(info.fee)
      // confirmations 0 with a blockhash: the txindex still points at a block a reorg removed.
      if (info.blockhash && (info.confirmations ?? 0) > 0) {
        const header = await call<CoreHeader>('getblockheader', [info.blockhash, true])
        if (header.confirmations > 0) {
          result.status = {
            confirmed: true,
            block: { number: BigInt(header.height), hash: header.hash },
            blockTime: header.time,
            confirmations: header.confirmations,
          }
        }
      }
      return result
    },
  }
}

/** Core prints amounts with 8 decimals; rounding the double product recovers the exact satoshis. */
function btcToSats(btc: number): bigint {
  return BigInt(Math.round(btc * 100_000_000))
}

function isRpcCode(error: unknown, code: number): boolean {
  return error instanceof JsonRpcError && error.rpcCode === code
}
