import { publicKeyAt } from '../../src/derive/account-keys.fixture.js'
import { deriveTronAddress } from '../../src/derive/tron.js'
import { networks } from '../../src/registry/index.js'
import { type TronChainOptions, TronTestChain } from './chain.js'
import { testAddress } from './wallet.js'

/** The registry's mainnet USDT contract: the local chain runs a TRC-20 ledger at that address. */
export const USDT = networks.tron.tokens[0]!.contract.mainnet!
/** A second TRC-20 contract, given to the adapter in its config (as a deployment's TRON_TOKENS would). */
export const USDC = testAddress('usdc contract')

/** A TRC-20 contract the adapter is not told about: its transfers must not show up. */
export const UNLISTED_TOKEN = testAddress('unlisted token contract')

/** The payer's starting balances: 10,000 TRX and 1,000,000 of each token (6 decimals). */
export const PAYER_SEED = 'payer'
export const START_TRX = 10_000_000_000n
export const START_TOKENS = 1_000_000_000_000n

/**
 * A chain whose genesis funds the payer with TRX, USDT, USDC and an unlisted token, with one empty block on top (so blocks
 * with payments start at 2 and the genesis block stays apart).
 */
export function fundedChain(opts: Omit<TronChainOptions, 'allocations' | 'tokens'> = {}): TronTestChain {
  const payer = testAddress(PAYER_SEED)
  const chain = new TronTestChain({
    ...opts,
    allocations: [{ address: payer, sun: START_TRX }],
    tokens: [USDT, USDC, UNLISTED_TOKEN].map((contract) => ({
      contract,
      holders: [{ address: payer, amount: START_TOKENS }],
    })),
  })
  chain.mine(1)
  return chain
}

/**
 * Customers' deposit addresses as Coinbook derives them (m/44'/195'/0'/0/i of the abandon…about account
 * key), so the adapter is tested on the addresses it will really watch.
 */
export function customerAddresses(count: number, first = 0): string[] {
  const xpub = publicKeyAt("m/44'/195'/0'")
  return Array.from({ length: count }, (_, i) => deriveTronAddress({ xpub, index: first + i }).address)
}

/** An address nobody watches. */
export function strangerAddress(seed: string): string {
  return testAddress(`stranger ${seed}`)
}

/** A WatchSet over a plain Set. */
export function watchSetOf(addresses: Iterable<string>): { has(target: string): boolean } {
  const set = new Set(addresses)
  return { has: (target) => set.has(target) }
}
