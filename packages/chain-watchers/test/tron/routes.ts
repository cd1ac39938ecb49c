import type { StoredBlock, TronTestChain } from './chain.js'
import { BroadcastError, type SignedTx } from './ledger.js'
import { blockInfosJson, blockJson, transactionInfoJson, transactionJson } from './node-json.js'

/** java-tron's servlets answer a request they cannot serve with HTTP 200 and this body. */
export class ServletError extends Error {}

// BLOCK_LIMIT_NUM of GetBlockByLimitNextServlet.
const BLOCK_LIMIT = 100

type Params = Record<string, unknown>

/**
 * The full node's HTTP API (java-tron `framework/src/main/java/org/tron/core/services/http`) over a
 * TronTestChain, for the calls a payment watcher and tronweb's wallet make: `/wallet/*` reads the
 * canonical chain, `/walletsolidity/*` only its solidified part. Returns undefined for an unknown path.
 */
export function route(chain: TronTestChain, path: string, params: Params): unknown {
  const solidity = path.startsWith('/walletsolidity/')
  const name = path.replace(/^\/(wallet|walletsolidity)\//, '')
  if (!solidity && !path.startsWith('/wallet/')) return undefined
  const limit = solidity ? chain.solidified.number : chain.height
  const blockAt = (n: number) => (n <= limit ? chain.blockAt(n) : undefined)
  const head = () => chain.blockAt(limit)!

  switch (name) {
    case 'getnowblock':
      return blockJson(head())
    case 'getblockbynum':
      return orEmpty(blockAt(num(params.num)), (b) => blockJson(b))
    case 'getblockbyid':
      return orEmpty(byId(chain, hexParam(params.value), limit), (b) => blockJson(b))
    case 'getblock': {
      const idOrNum = params.id_or_num
      const block =
        idOrNum === undefined || idOrNum === ''
          ? head()
          : /^\d+$/.test(String(idOrNum))
            ? blockAt(num(idOrNum))
            : byId(chain, hexParam(idOrNum), limit)
      return orEmpty(block, (b) =>
        blockJson(b, { transactions: params.detail === true || params.detail === 'true' }),
      )
    }
    case 'getblockbylimitnext': {
      const start = num(params.startNum)
      const end = num(params.endNum)
      if (!(end > start && end - start <= BLOCK_LIMIT)) return {}
      const blocks: StoredBlock[] = []
      for (let n = start; n < end; n++) {
        const b = blockAt(n)
        if (b) blocks.push(b)
      }
      return blocks.length ? { block: blocks.map((b) => blockJson(b)) } : {}
    }
    case 'gettransactioninfobyblocknum': {
      const n = num(params.num)
      return n <= limit ? blockInfosJson(chain, n) : []
    }
    case 'gettransactionbyid': {
      const found = minedWithin(chain, hexParam(params.value), limit)
      return found ? transactionJson(found.mined.tx, found.mined.execution.contractRet) : {}
    }
    case 'gettransactioninfobyid': {
      const found = minedWithin(chain, hexParam(params.value), limit)
      return found ? transactionInfoJson(found.block, found.mined) : {}
    }
    case 'gettransactionfrompending': {
      const tx = solidity ? undefined : chain.pendingTx(hexParam(params.value))
      return tx ? transactionJson(tx) : {}
    }
    case 'getaccount': {
      const address = String(params.address ?? '').toLowerCase()
      const balance = chain.balance(hexParam(address))
      return balance > 0n ? { address, balance: Number(balance) } : {}
    }
    case 'broadcasttransaction':
      return solidity ? undefined : broadcast(chain, params as unknown as SignedTx)
    default:
      return undefined
  }
}

function broadcast(chain: TronTestChain, tx: SignedTx) {
  try {
    return { result: true, txid: chain.submit(tx) }
  } catch (error) {
    if (!(error instanceof BroadcastError)) throw error
    // The message is printed as the hex of its UTF-8 bytes (a protobuf ByteString).
    return { code: error.code, txid: tx.txID, message: Buffer.from(error.message).toString('hex') }
  }
}

function minedWithin(chain: TronTestChain, txid: string, limit: number) {
  const found = chain.minedTx(txid)
  return found && found.block.number <= limit ? found : undefined
}

function byId(chain: TronTestChain, id: string, limit: number): StoredBlock | undefined {
  if (id.length !== 64) return undefined
  const block = chain.blockAt(Number.parseInt(id.slice(0, 16), 16))
  return block?.id === id && block.number <= limit ? block : undefined
}

function orEmpty<T>(value: T | undefined, render: (v: T) => unknown) {
  return value === undefined ? {} : render(value)
}

function num(value: unknown): number {
  if (value === undefined) return 0
  const n = Number(value)
  if (!Number.isSafeInteger(n))
    throw new ServletError(`class java.lang.NumberFormatException : For input string: "${String(value)}"`)
  return n
}

function hexParam(value: unknown): string {
  const text = String(value ?? '')
  if (!/^[0-9a-fA-F]*$/.test(text) || text.length % 2 === 1) {
    throw new ServletError(
      'class java.lang.IllegalArgumentException : hex string has odd length or a non-hex digit',
    )
  }
  return text.toLowerCase()
}
