export { createSolanaAdapter, type SolanaAdapter } from './adapter.js'
export { isCanonical } from './blocks.js'
export {
  resolveSolanaConfig,
  type SolanaAdapterConfig,
  type SolanaContext,
  type SolanaToken,
} from './config.js'
export { confirmations, FINALIZED_CONFIRMATIONS, type SolanaHead } from './confirmations.js'
export { decodeCursor, encodeCursor, type Position, type ScanState } from './cursor.js'
export { transactionTransfers } from './events.js'
export { checkGenesis } from './genesis.js'
export { getHead } from './head.js'
export { decodeTransfer, referenceOf } from './instructions.js'
export { parseLosslessJson } from './lossless-json.js'
export { readTransaction, type SolanaTransaction } from './responses.js'
export { callSolana, SolanaErrorCode, SolanaRpcError, solanaRequest } from './rpc.js'
export { scanAccount, watchedAddresses } from './scan.js'
export { verifyTransaction } from './verify.js'
