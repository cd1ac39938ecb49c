import type { AnyChainAdapter, NetworkId, RpcError } from '@coinbook/chain-watchers'
import { metrics } from './metrics.js'

/** What one scan step did: the head it saw, where its cursor now is, and the payments it wrote. */
export function recordScan(
  network: NetworkId,
  head: bigint | undefined,
  cursor: bigint | undefined,
  payments: readonly { created: boolean }[],
): void {
  if (head !== undefined) metrics.chainHead.set({ network }, Number(head))
  if (cursor !== undefined) metrics.chainCursor.set({ network }, Number(cursor))
  if (head !== undefined && cursor !== undefined) metrics.chainLag.set({ network }, Number(head - cursor))
  metrics.lastScan.set({ network }, Date.now() / 1000)
  const detected = payments.filter((p) => p.created).length
  if (detected > 0) metrics.payments.inc({ network, event: 'detected' }, detected)
}

/** Confirmation job outcomes. */
export function recordConfirmations(
  network: NetworkId,
  result: { confirmed: number; reorged: number },
): void {
  if (result.confirmed > 0) metrics.payments.inc({ network, event: 'confirmed' }, result.confirmed)
  if (result.reorged > 0) metrics.payments.inc({ network, event: 'reorged' }, result.reorged)
}

/** A failed node request; the URL carries no credentials (the pool strips them). */
export function recordRpcError(error: RpcError): void {
  metrics.rpcErrors.inc({ network: error.network, url: error.url })
}

/** The adapter, reporting every head it reads to the chain_head gauge. */
export function observedAdapter<A extends AnyChainAdapter>(adapter: A): A {
  const head = adapter.head.bind(adapter)
  return Object.assign(Object.create(Object.getPrototypeOf(adapter)), adapter, {
    head: async () => {
      const h = await head()
      metrics.chainHead.set({ network: adapter.network }, Number(h.number))
      return h
    },
  }) as A
}
