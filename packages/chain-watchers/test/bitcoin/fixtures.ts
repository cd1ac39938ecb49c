import { publicKeyAt } from '../../src/derive/account-keys.fixture.js'
import { type BitcoinScheme, deriveBitcoinAddress } from '../../src/derive/index.js'
import { RegtestChain } from './chain.js'
import { type ScriptKind, TestWallet, testKey } from './wallet.js'

/** A regtest chain with 101 blocks mined to the wallet, so its first coinbases are mature. */
export function fundedRegtest(seed = 'wallet'): { chain: RegtestChain; wallet: TestWallet } {
  const chain = new RegtestChain(testKey('p2wpkh', seed).script)
  const wallet = new TestWallet(chain, seed)
  chain.mine(101)
  return { chain, wallet }
}

const ACCOUNT_PATH: Record<BitcoinScheme, string> = {
  bip44: "m/44'/1'/0'",
  bip49: "m/49'/1'/0'",
  bip84: "m/84'/1'/0'",
  bip86: "m/86'/1'/0'",
}
const PREFIX = { bip44: 'tpub', bip49: 'upub', bip84: 'vpub', bip86: 'tpub' } as const

/**
 * Customers' deposit addresses as Coinbook derives them on regtest from a merchant's account key (the
 * BIP84/BIP86 test mnemonic), so the adapter is tested on the addresses it will really watch.
 */
export function customerAddresses(scheme: BitcoinScheme, count: number, first = 0): string[] {
  const xpub = publicKeyAt(ACCOUNT_PATH[scheme], PREFIX[scheme])
  return Array.from(
    { length: count },
    (_, i) => deriveBitcoinAddress({ xpub, mode: 'regtest', scheme, index: first + i }).address,
  )
}

/** An address nobody watches (a stranger's wallet), one per seed and type. */
export function strangerAddress(seed: string, kind: ScriptKind = 'p2wpkh'): string {
  return testKey(kind, `stranger ${seed}`).address
}

/** A WatchSet over a plain Set, for tests that do not exercise the production watch set. */
export function watchSetOf(addresses: Iterable<string>): { has(target: string): boolean; size: number } {
  const set = new Set(addresses)
  return { has: (target) => set.has(target), size: set.size }
}
