import {
  ChainError,
  isAccountAdapter,
  type NetworkId,
  networks,
  TransactionNotFoundError,
} from '@coinbook/chain-watchers'
import type { CoreDeps, ServiceContext } from '../../../context.js'
import { CoinbookError, NotFoundError, ValidationError } from '../../../errors.js'
import { confirmationsAtHead, ingestEvents } from './ingest.js'
import { renumberLegacyTokenEvents } from './renumber-token-events.js'

/**
 * Looks a transaction up on its network and records what it pays to deposit targets. Calling it again
 * changes nothing; the result lists this merchant's payments in the transaction, new or already known.
 */
export async function verifyPayment({
  ctx,
  deps,
  network,
  txHash,
}: {
  ctx: ServiceContext
  deps: Pick<CoreDeps, 'chains' | 'rates' | 'config'> & Partial<Pick<CoreDeps, 'clock'>>
  network: NetworkId
  txHash: string
}) {
  const adapter = deps.chains.adapter(network)
  if (!adapter) {
    throw new CoinbookError(
      'rpc_unavailable',
      `No ${networks[network].name} node is configured, so transactions cannot be verified`,
      {
        details: { setting: `${network.toUpperCase()}_RPC_URLS` },
      },
    )
  }
  let events: Awaited<ReturnType<typeof adapter.verify>>
  try {
    if (isAccountAdapter(adapter)) {
      // TON finds a transaction only through its account: this merchant's wallets, retired ones included.
      const wallets = await ctx.db
        .selectFrom('wallets')
        .select('address')
        .where('merchant_id', '=', ctx.merchantId)
        .where('network', '=', network)
        .where('address', 'is not', null)
        .execute()
      events = await adapter.verify(txHash, { wallets: wallets.map((w) => w.address as string) })
    } else {
      events = await adapter.verify(txHash)
    }
  } catch (err) {
    if (err instanceof TransactionNotFoundError) throw new NotFoundError('Transaction', txHash)
    if (err instanceof ChainError && err.name === 'InvalidInputError') {
      throw new ValidationError(err.shortMessage, [
        { path: 'txHash', message: 'is not a transaction hash of this network' },
      ])
    }
    if (err instanceof ChainError)
      throw new CoinbookError('rpc_unavailable', err.shortMessage, { cause: err })
    throw err
  }
  // Its payments numbered the old way first, so that they are found rather than recorded again.
  await renumberLegacyTokenEvents({ db: ctx.db, adapter, txHash })
  const ingested = await ingestEvents(
    {
      db: ctx.db,
      rates: deps.rates,
      mode: deps.config.COINBOOK_NETWORK_MODE,
      confirmationsFor: (n) => deps.chains.requiredConfirmations(n),
      decimalsOf: (e) => deps.chains.decimalsOf(e),
      confirmationsOf: await confirmationsAtHead(adapter, events),
      clock: deps.clock,
    },
    events,
  )
  return ingested.filter((p) => p.merchantId === ctx.merchantId)
}
