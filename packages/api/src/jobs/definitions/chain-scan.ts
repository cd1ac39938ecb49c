import {
  type AnyChainAdapter,
  isAccountAdapter,
  type NetworkId,
  type TransferEvent,
} from '@coinbook/chain-watchers'
import { z } from 'zod'
import { confirmPayments } from '../../modules/payments/services/confirm.js'
import { scanNetwork } from '../../modules/payments/services/scan.js'
import { scanWallets } from '../../modules/payments/services/scan-wallets.js'
import { defineJob, type JobDeps } from '../runner.js'

function ingestDeps(deps: JobDeps) {
  return {
    rates: deps.rates,
    mode: deps.config.COINBOOK_NETWORK_MODE,
    confirmationsFor: (n: NetworkId) => deps.chains.requiredConfirmations(n),
    decimalsOf: (e: TransferEvent) => deps.chains.decimalsOf(e),
    clock: deps.clock,
  }
}

/** A repeatable singleton job of one network that runs only when the network has a node configured. */
function networkJob(
  kind: 'scan' | 'confirm',
  network: NetworkId,
  everyMs: number,
  run: (adapter: AnyChainAdapter, deps: JobDeps) => Promise<void>,
) {
  return defineJob({
    id: `chain.${kind}.${network}`,
    version: 1,
    schema: z.object({}),
    repeatEveryMs: everyMs,
    attempts: 1,
    handler: async (_payload, deps) => {
      const adapter = deps.chains.adapter(network)
      if (adapter) await run(adapter, deps)
    },
  })
}

/**
 * Scans a network for payments to deposit targets — its new blocks, or on Solana and TON the merchant
 * wallets' new transactions; a singleton per network.
 */
export function chainScanJob(network: NetworkId, everyMs: number) {
  return networkJob('scan', network, everyMs, async (adapter, deps) => {
    if (isAccountAdapter(adapter)) {
      await scanWallets({ db: deps.db, adapter, ingest: ingestDeps(deps) })
      return
    }
    const watch = await deps.chains.watchSet(deps.db, network)
    // Catch up in steps; each step commits its payments with its cursor.
    for (let i = 0; i < 20; i++) {
      const run = await scanNetwork({ db: deps.db, adapter, watch, ingest: ingestDeps(deps) })
      if (!run || run.to === run.from - 1n) break
      const head = await adapter.head()
      if (run.to >= head.number) break
    }
  })
}

/** Advances confirmations and reverses payments whose block left the chain. */
export function chainConfirmJob(network: NetworkId, everyMs: number) {
  return networkJob('confirm', network, everyMs, async (adapter, deps) => {
    await confirmPayments({ db: deps.db, adapter, required: deps.chains.requiredConfirmations(network) })
  })
}
