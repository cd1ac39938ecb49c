export { type BitcoinAdapter, createBitcoinAdapter } from './adapter.js'
export type { BackendTransaction, BackendTxStatus, BitcoinBackend } from './backend.js'
export { isCanonical } from './canonical.js'
export {
  type BitcoinAdapterConfig,
  type BitcoinBackendKind,
  type BitcoinContext,
  resolveBitcoinConfig,
} from './config.js'
export { confirmations } from './confirmations.js'
export { createCoreBackend } from './core-backend.js'
export { createEsploraBackend } from './esplora-backend.js'
export { checkGenesis } from './genesis.js'
export { getHead } from './head.js'
export { inputAddress } from './input-address.js'
export { addressScript, outputAddress } from './output-address.js'
export { hexBytes, parseBlock, parseTransaction } from './parse.js'
export { scanBlocks } from './scan.js'
export { isScriptLookup, type ScriptLookup, ScriptWatchSet } from './script-watch-set.js'
export { verifyTransaction } from './verify.js'
