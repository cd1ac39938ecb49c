import { ChainError } from '../../errors.js'
import { JsonRpcError } from '../../rpc/errors.js'

/** viem wraps what a transport throws; this digs our ChainError back out so callers see network and URL. */
export function unwrapChainError(error: unknown): unknown {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (e instanceof ChainError) return e
  }
  return error
}

// Providers cap eth_getLogs by range or result count, each in its own words (Infura "query returned more
// than 10000 results", Alchemy "Log response size exceeded", BSC "exceed maximum block range: 5000", …).
const rangeTooLarge = /range|more than \d+ results|response size|too many (results|logs)/i

/** Whether a failed eth_getLogs would succeed over a narrower range. */
export function isRangeTooLarge(error: unknown): boolean {
  const found = unwrapChainError(error)
  const candidates = found instanceof Error && 'errors' in found ? (found.errors as unknown[]) : [found]
  return candidates.some((e) => e instanceof JsonRpcError && rangeTooLarge.test(e.rpcMessage))
}
