import { randomBytes } from 'node:crypto'
import type { AssetId, TransferEvent } from '@coinbook/chain-watchers'
import { expect } from 'vitest'
import { inTransaction } from '../src/db/transaction.js'
import { type IngestDeps, ingestEvents } from '../src/modules/payments/services/ingest.js'
import { setPaymentState } from '../src/modules/payments/services/payment-states.js'
import type { Session, TestApp } from './harness.js'

/** Confirmations a payment needs in these tests: a `pending` event has 1. */
const REQUIRED = 3

/** A watch-only Ethereum address attached to the customer (random, so files sharing a database differ). */
export async function attachAddress(t: TestApp, as: Session, customerId: string): Promise<string> {
  const address = `0x${randomBytes(20).toString('hex')}`
  const res = await t.request('POST', `/api/v1/customers/${customerId}/deposit-targets`, {
    as,
    body: { asset: 'ETH', network: 'ethereum', address },
  })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body.address as string
}

/**
 * Ingests one transfer to `to` at `at` (its block time) through the real ingest, as a scan would:
 * `confirmed` counts, `pending` (1 of 3 confirmations) and `failed` do not.
 */
export async function pay(
  t: TestApp,
  to: string,
  p: { asset: AssetId; amount: bigint; at: string; status?: TransferEvent['status'] },
): Promise<string> {
  const txHash = `0x${randomBytes(32).toString('hex')}`
  const deps: IngestDeps = {
    db: t.db,
    rates: t.core.rates,
    mode: 'regtest',
    confirmationsFor: () => REQUIRED,
  }
  const [payment] = await ingestEvents(deps, [
    {
      network: 'ethereum',
      asset: p.asset,
      txHash,
      eventIndex: 0,
      from: `0x${randomBytes(20).toString('hex')}`,
      to,
      amount: p.amount,
      ...(p.asset === 'ETH' ? {} : { contract: '0xdac17f958d2ee523a2206206994597c13d831ec7' }),
      blockRef: { number: 1000n, hash: `0x${randomBytes(32).toString('hex')}` },
      blockTime: Date.parse(p.at) / 1000,
      status: p.status ?? 'confirmed',
    },
  ])
  if (!payment) throw new Error('the transfer was not ingested')
  return payment.id
}

/** What the confirmation job does to a payment whose block left the chain. */
export async function reorg(t: TestApp, paymentId: string): Promise<void> {
  await inTransaction(t.db, async (trx) => {
    const current = await trx
      .selectFrom('payments')
      .selectAll()
      .where('id', '=', paymentId)
      .forUpdate()
      .executeTakeFirstOrThrow()
    await setPaymentState(trx, current, {
      status: 'reorged',
      confirmations: 0,
      blockNumber: current.block_number,
      blockHash: current.block_hash,
      blockTime: current.block_time,
    })
  })
}

/** Records an off-chain payment on an invoice at the test clock's time. */
export async function payInvoice(t: TestApp, as: Session, invoiceId: string, amount: string) {
  const res = await t.request('POST', `/api/v1/invoices/${invoiceId}/payments`, {
    as,
    body: { amount, method: 'offchain' },
  })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body
}
