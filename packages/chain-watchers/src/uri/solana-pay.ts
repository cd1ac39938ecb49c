import { InvalidInputError } from '../errors.js'
import { formatUnits } from '../money.js'
import { buildQuery } from './query.js'

const SOL_DECIMALS = 9

export interface SolanaPayParameters {
  /** The merchant's wallet (a native SOL account, never a token account). */
  recipient: string
  /** Base units (lamports, or the token's); written in user units as the spec asks ("0.01"). */
  amount?: bigint
  /** Decimals of `amount`: 9 for SOL; required with `splToken`. */
  decimals?: number
  /** SPL token mint (e.g. USDC); absent for SOL. */
  splToken?: string
  /** Reference keys (base58, 32 bytes) the wallet adds to the transfer, so the payment can be found. */
  reference?: string | string[]
  label?: string
  message?: string
  /** Written on chain by the memo program. */
  memo?: string
}

/** A Solana Pay transfer request: `solana:<recipient>?amount=…&spl-token=…&reference=…&label=…&message=…&memo=…`. */
export function solanaPayUri(parameters: SolanaPayParameters): string {
  const { recipient, amount, splToken, label, message, memo } = parameters
  let decimals = parameters.decimals
  if (decimals === undefined && amount !== undefined) {
    if (splToken !== undefined) throw new InvalidInputError('A token amount needs the mint decimals')
    decimals = SOL_DECIMALS
  }
  if (amount !== undefined && amount < 0n)
    throw new InvalidInputError(`Amount must not be negative, got ${amount}`)
  const references = parameters.reference === undefined ? [] : [parameters.reference].flat()
  const query = buildQuery([
    ['amount', amount === undefined ? undefined : formatUnits(amount, decimals ?? SOL_DECIMALS)],
    ['spl-token', splToken],
    ...references.map((r): [string, string] => ['reference', r]),
    ['label', label],
    ['message', message],
    ['memo', memo],
  ])
  return `solana:${recipient}${query}`
}
