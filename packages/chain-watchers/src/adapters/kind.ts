import type { AccountChainAdapter, AnyChainAdapter } from './types.js'

/** Whether the adapter pages a merchant wallet's history (Solana, TON) rather than scanning blocks. */
export function isAccountAdapter(adapter: AnyChainAdapter): adapter is AccountChainAdapter {
  return 'scanAccount' in adapter
}
