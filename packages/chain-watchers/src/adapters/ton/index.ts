export { createTonAdapter, type TonAdapter } from './adapter.js'
export { readSnakeBytes, readTextComment } from './comment.js'
export {
  resolveTonConfig,
  type TonAdapterConfig,
  type TonContext,
  type TonWalletSource,
  toncenterBase,
} from './config.js'
export { confirmations } from './confirmations.js'
export { decodeTonCursor, encodeTonCursor, type TonCursor } from './cursor.js'
export { bouncedBack, incomingTransfer } from './events.js'
export { getHead, isCanonical } from './head.js'
export { historyPages } from './history.js'
export { parseTransaction, type TonTransaction, type TxId } from './parse.js'
export { scanAccount } from './scan.js'
export { parseTonHash } from './transaction-hash.js'
export { verifyTransaction } from './verify.js'
