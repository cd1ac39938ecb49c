import type { FieldError } from '../../api/problem'
import { isDerivedNetwork, type NetworkId } from '../../chains/coins'

export type BitcoinScheme = 'bip44' | 'bip49' | 'bip84' | 'bip86'

/** How a network receives: an account xpub to derive one address per customer, or one wallet address. */
export interface WalletSetup {
  kind: 'xpub' | 'address'
  label: string
  placeholder: string
  hint: string
}

const EVM_HINT =
  'The account key at m/44′/60′/0′ from your wallet’s export or “watch-only” screen. Customers get the addresses m/44′/60′/0′/0/0, /0/1, … — the ones your wallet shows.'

const SETUP: Record<NetworkId, WalletSetup> = {
  bitcoin: {
    kind: 'xpub',
    label: 'Account extended public key',
    placeholder: 'zpub6r…, ypub6W… or xpub6C…',
    hint: 'The account key (e.g. m/84′/0′/0′ for native SegWit). Sparrow: Settings → Keystore; Electrum: Wallet → Information.',
  },
  ethereum: { kind: 'xpub', label: 'Account extended public key', placeholder: 'xpub6D…', hint: EVM_HINT },
  bsc: { kind: 'xpub', label: 'Account extended public key', placeholder: 'xpub6D…', hint: EVM_HINT },
  arbitrum: { kind: 'xpub', label: 'Account extended public key', placeholder: 'xpub6D…', hint: EVM_HINT },
  tron: {
    kind: 'xpub',
    label: 'Account extended public key',
    placeholder: 'xpub6C…',
    hint: 'The account key at m/44′/195′/0′. Customers get the T… addresses m/44′/195′/0′/0/0, /0/1, …',
  },
  solana: {
    kind: 'address',
    label: 'Wallet address',
    placeholder: 'e.g. 7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtV',
    hint: 'Customers pay this one wallet; a reference in each payment tells Coinbook who paid.',
  },
  ton: {
    kind: 'address',
    label: 'Wallet address',
    placeholder: 'e.g. UQB…',
    hint: 'Customers pay this one wallet with a comment that tells Coinbook who paid.',
  },
}

export function walletSetup(network: NetworkId): WalletSetup {
  return SETUP[network] ?? { ...SETUP.ethereum, kind: isDerivedNetwork(network) ? 'xpub' : 'address' }
}

export const schemeLabel: Record<BitcoinScheme, string> = {
  bip44: 'BIP44 · legacy (1…)',
  bip49: 'BIP49 · nested SegWit (3…)',
  bip84: 'BIP84 · native SegWit (bc1q…)',
  bip86: 'BIP86 · Taproot (bc1p…)',
}

export const SCHEMES = Object.keys(schemeLabel) as BitcoinScheme[]

/** xpub and tpub keys do not say their script type (ypub/zpub do): the merchant may pick one. */
export function keyNeedsScheme(network: NetworkId, key: string): boolean {
  return network === 'bitcoin' && /^[xt]pub/.test(key.trim())
}

const PRIVATE_KEY = /^[a-zA-Z]prv[1-9A-HJ-NP-Za-km-z]/
const PHRASE = /^[a-z]+(\s+[a-z]+){11,}$/

/** Whether the text is a private extended key (xprv, zprv, tprv…) or a BIP39 recovery phrase. */
export function isSecret(value: string): boolean {
  const v = value.trim()
  return PRIVATE_KEY.test(v) || PHRASE.test(v)
}

/**
 * Problems found before sending: an empty field, or a secret the merchant must never paste anywhere — a
 * private key (xprv, zprv, …) or a recovery phrase — which is stopped here so it never leaves the browser.
 */
export function localWalletErrors(kind: WalletSetup['kind'], value: string): FieldError[] {
  const v = value.trim()
  const instead = kind === 'xpub' ? 'the extended public key (…pub)' : 'the wallet’s receiving address'
  if (!v) {
    return [
      {
        path: kind,
        message: kind === 'xpub' ? 'Paste the account’s extended public key' : 'Paste the wallet address',
      },
    ]
  }
  if (PRIVATE_KEY.test(v)) {
    return [
      {
        path: kind,
        message: `This is a private key: it can spend your funds and was not sent. Paste ${instead} instead.`,
      },
    ]
  }
  if (PHRASE.test(v)) {
    return [
      {
        path: kind,
        message: `This looks like a recovery phrase: it can spend your funds and was not sent. Paste ${instead} instead.`,
      },
    ]
  }
  return []
}
