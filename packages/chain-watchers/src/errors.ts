import type { NetworkId } from './registry/types.js'

/** Base of the errors chain code raises: a short message, details for operators, and the cause. */
export class ChainError extends Error {
  override name = 'ChainError'
  readonly shortMessage: string
  readonly details: string | undefined

  constructor(shortMessage: string, opts: { details?: string; cause?: unknown } = {}) {
    super(opts.details ? `${shortMessage}\n\nDetails: ${opts.details}` : shortMessage, { cause: opts.cause })
    this.shortMessage = shortMessage
    this.details = opts.details
  }
}

/** A node did not answer usefully. `retryable` says whether trying again (or another URL) may help. */
export class RpcError extends ChainError {
  override name = 'RpcError'
  constructor(
    readonly network: NetworkId,
    readonly url: string,
    shortMessage: string,
    readonly retryable: boolean,
    opts: { details?: string; cause?: unknown; status?: number } = {},
  ) {
    super(`${network} node ${url}: ${shortMessage}`, opts)
    this.status = opts.status
  }
  readonly status: number | undefined
}

/** Every configured URL of a network failed; `errors` holds the last error of each. */
export class RpcUnavailableError extends ChainError {
  override name = 'RpcUnavailableError'
  constructor(
    readonly network: NetworkId,
    readonly errors: RpcError[],
  ) {
    super(`No ${network} node answered (${errors.length} URL(s) tried)`, {
      details: errors.map((e) => e.shortMessage).join('; '),
      cause: errors.at(-1),
    })
  }
}

/** The node does not know this transaction. */
export class TransactionNotFoundError extends ChainError {
  override name = 'TransactionNotFoundError'
  constructor(
    readonly network: NetworkId,
    readonly txHash: string,
  ) {
    super(`Transaction ${txHash} was not found on ${network}`)
  }
}

/** The node serves another chain than the one configured (e.g. a testnet URL in mainnet mode). */
export class WrongChainError extends ChainError {
  override name = 'WrongChainError'
  constructor(
    readonly network: NetworkId,
    readonly url: string,
    expected: string,
    actual: string,
  ) {
    super(`${network} node ${url} serves chain ${actual}, expected ${expected}`)
  }
}

/** An address, key or amount that is not valid for the network. */
export class InvalidInputError extends ChainError {
  override name = 'InvalidInputError'
}

/** A block changed between two reads of one scan (a reorg under it): nothing was returned; scan again. */
export class ReorgDuringScanError extends ChainError {
  override name = 'ReorgDuringScanError'
  constructor(
    readonly network: NetworkId,
    readonly blockNumber: bigint,
  ) {
    super(`${network} block ${blockNumber} changed during the scan (a reorg); scan again`)
  }
}
