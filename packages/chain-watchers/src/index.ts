export {
  type BitcoinAdapter,
  type BitcoinAdapterConfig,
  createBitcoinAdapter,
  ScriptWatchSet,
} from './adapters/bitcoin/index.js'
export {
  createEvmAdapter,
  type EvmAdapter,
  type EvmAdapterConfig,
  type EvmToken,
} from './adapters/evm/index.js'
export { isAccountAdapter } from './adapters/kind.js'
export { createSolanaAdapter, type SolanaAdapter, type SolanaAdapterConfig } from './adapters/solana/index.js'
export { createTonAdapter, type TonAdapter, type TonAdapterConfig } from './adapters/ton/index.js'
export { createTronAdapter, type TronAdapter, type TronAdapterConfig } from './adapters/tron/index.js'
export type * from './adapters/types.js'
export * from './address/index.js'
export * from './attribution.js'
export * from './derive/index.js'
export * from './errors.js'
export * from './money.js'
export * from './qr.js'
export * from './registry/index.js'
export * from './rpc/index.js'
export * from './uri/index.js'
export * from './watch-set.js'
