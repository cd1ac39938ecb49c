import { RpcError } from '../../errors.js'
import { expectOk, parseJson } from '../../rpc/http.js'
import type { RpcAttempt, RpcPool, RpcResponse } from '../../rpc/pool.js'
import type { BitcoinBackend } from './backend.js'
import { hexBytes, parseBlock, parseTransaction } from './parse.js'

interface EsploraTx {
  fee?: number
  vin: { is_coinbase?: boolean; prevout?: { scriptpubkey_address?: string } | null }[]
  status: { confirmed: boolean; block_height?: number; block_hash?: string; block_time?: number }
}

const HASH = /^[0-9a-f]{64}$/
const decoder = new TextDecoder()

/**
 * Esplora's REST API (Blockstream's electrs, mempool.space): heights and hashes as text, raw blocks as
 * bytes, transactions as raw hex plus the JSON that carries their status and first prevout.
 */
export function createEsploraBackend(pool: RpcPool): BitcoinBackend {
  const getTipHeight = () =>
    pool.request(async (a) => {
      const text = decoder.decode(expectOk(a, await a.send('/blocks/tip/height')).body).trim()
      if (!/^\d+$/.test(text)) throw malformed(a, '/blocks/tip/height', text)
      return Number(text)
    })

  const getTip: BitcoinBackend['getTip'] = async () => {
    const hash = await pool.request(async (a) =>
      hashOf(a, '/blocks/tip/hash', await a.send('/blocks/tip/hash')),
    )
    const block = await pool.request(async (a) => {
      const res = await a.send(`/block/${hash}`)
      // Replaced by a reorg between the two reads: ask again.
      if (isNotFound(res)) return undefined
      return parseJson(a, expectOk(a, res)) as { height: number; timestamp: number }
    })
    return block ? { height: block.height, hash, time: block.timestamp } : getTip()
  }

  return {
    kind: 'esplora',
    getTipHeight,
    getTip,

    getBlockHash: (height) =>
      pool.request(async (a) => {
        const path = `/block-height/${height}`
        const res = await a.send(path)
        return isNotFound(res) ? undefined : hashOf(a, path, res)
      }),

    getBlock: (hash) =>
      pool.request(async (a) => {
        const res = await a.send(`/block/${hash}/raw`)
        return isNotFound(res) ? undefined : parseBlock(a, expectOk(a, res).body, hash)
      }),

    async getMinedFee(txid) {
      const info = await pool.request(async (a) => {
        const res = await a.send(`/tx/${txid}`)
        return isNotFound(res) ? undefined : (parseJson(a, expectOk(a, res)) as EsploraTx)
      })
      return info && Number.isSafeInteger(info.fee) && info.vin[0]?.is_coinbase !== true
        ? BigInt(info.fee!)
        : undefined
    },

    async getTransaction(txid) {
      const [info, tx, tipHeight] = await Promise.all([
        pool.request(async (a) => {
          const res = await a.send(`/tx/${txid}`)
          return isNotFound(res) ? undefined : (parseJson(a, expectOk(a, res)) as EsploraTx)
        }),
        pool.request(async (a) => {
          const res = await a.send(`/tx/${txid}/hex`)
          if (isNotFound(res)) return undefined
          const hex = decoder.decode(expectOk(a, res).body).trim()
          return parseTransaction(a, hexBytes(a, `/tx/${txid}/hex`, hex), txid)
        }),
        getTipHeight(),
      ])
      if (!info || !tx) return undefined
      const { status } = info
      return {
        tx,
        firstInputAddress: info.vin[0]?.prevout?.scriptpubkey_address ?? null,
        ...(Number.isSafeInteger(info.fee) && !tx.isCoinbase() ? { fee: BigInt(info.fee!) } : {}),
        status:
          status.confirmed && status.block_height !== undefined && status.block_hash
            ? {
                confirmed: true,
                block: { number: BigInt(status.block_height), hash: status.block_hash },
                blockTime: status.block_time ?? 0,
                confirmations: Math.max(0, tipHeight - status.block_height + 1),
              }
            : { confirmed: false },
      }
    },
  }
}

/**
 * electrs answers 404 with "Transaction not found" / "Block not found" for what it does not have; a 404
 * saying anything else ("endpoint does not exist") is a wrong base URL and must not pass for "unknown".
 */
function isNotFound(res: RpcResponse): boolean {
  return res.status === 404 && /not found/i.test(decoder.decode(res.body.subarray(0, 100)))
}

function hashOf(a: RpcAttempt, path: string, res: RpcResponse): string {
  const text = decoder.decode(expectOk(a, res).body).trim()
  if (!HASH.test(text)) throw malformed(a, path, text)
  return text
}

function malformed(a: RpcAttempt, path: string, text: string) {
  return new RpcError(a.network, a.url, `unexpected answer to ${path}`, true, { details: text.slice(0, 120) })
}
