import { assertPositive, buildQuery } from './query.js'

export interface TonTransferParameters {
  /** The merchant's wallet, preferably in user-friendly form (what wallets display). */
  address: string
  /** Nanotons. */
  amount?: bigint
  /** The comment the wallet attaches; Coinbook tells customers apart by it. */
  text?: string
}

/** A TON transfer link: `ton://transfer/<address>?amount=<nanotons>&text=<comment>`. */
export function tonTransferUri({ address, amount, text }: TonTransferParameters): string {
  assertPositive(amount)
  return `ton://transfer/${address}${buildQuery([
    ['amount', amount?.toString()],
    ['text', text],
  ])}`
}
