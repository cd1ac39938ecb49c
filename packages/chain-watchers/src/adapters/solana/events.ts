import type { BlockRef, TransferEvent } from '../types.js'
import type { SolanaContext, SolanaToken } from './config.js'
import { type SolanaHead, statusOf } from './confirmations.js'
import {
  createdTokenAccounts,
  type DecodedTransfer,
  decodeTransfer,
  referenceOf,
  transfersOf,
} from './instructions.js'
import type { SolanaTransaction, TokenBalance } from './responses.js'

/**
 * Every transfer a transaction made, to any account, read from its balances:
 * - SOL: each account whose lamports grew, except token accounts (their lamports are rent, not payments);
 * - tokens of the context (USDC): each token account whose balance grew, reported to the account's owner
 *   (the wallet), with the mint as `contract`.
 * The amount is the net change, so a payment arrives whole whatever route it took (a direct transfer, a
 * program's CPI). `reference` comes from the transfer instruction that paid the account, `from` is its
 * payer (the source token account's owner for tokens), else the fee payer.
 *
 * Every transfer carries the transaction's fee (meta.fee, paid by the fee payer).
 *
 * A failed transaction moved nothing but its fee; its top-level transfer instructions are reported as
 * `failed` with the amount they asked for, so a customer's failed attempt shows up beside the invoice.
 *
 * eventIndex is 2 × the recipient's index in the transaction's account keys for SOL, and 2 × the token
 * account's index + 1 for tokens: the signed message fixes the keys, so it stays the same wherever and
 * however often the transaction is read, and two recipients of one transaction never share it.
 */
export function transactionTransfers(
  context: SolanaContext,
  tx: SolanaTransaction,
  block: BlockRef,
  head: SolanaHead,
): TransferEvent[] {
  const { meta } = tx
  if (!meta) return []
  const status = statusOf(context.confirmations, meta.failed, block, head)
  const blockTime = tx.blockTime ?? undefined
  const base = {
    network: context.network,
    txHash: tx.signature,
    fee: meta.fee,
    blockRef: block,
    status,
    ...(blockTime ? { blockTime } : {}),
  }
  const found = meta.failed ? attemptedTransfers(context, tx) : settledTransfers(context, tx)
  return found
    .map(
      ({ eventIndex, asset, token, to, from, amount, reference }): TransferEvent => ({
        ...base,
        asset,
        eventIndex,
        from,
        to,
        amount,
        ...(token ? { contract: token.mint } : {}),
        ...(reference ? { reference } : {}),
      }),
    )
    .sort((a, b) => a.eventIndex - b.eventIndex)
}

interface Found {
  eventIndex: number
  asset: TransferEvent['asset']
  token?: SolanaToken
  to: string
  from: string | null
  amount: bigint
  reference: string | undefined
}

function settledTransfers(context: SolanaContext, tx: SolanaTransaction): Found[] {
  const meta = tx.meta!
  const transfers = transfersOf(tx)
  const pre = byAccount(meta.preTokenBalances)
  const post = byAccount(meta.postTokenBalances)
  const found: Found[] = []
  tx.accountKeys.forEach((key, i) => {
    const change = meta.postBalances[i]! - meta.preBalances[i]!
    if (change <= 0n || pre.has(i) || post.has(i)) return
    const paying = transfers.filter((t) => t.kind === 'sol' && t.destination === i)
    found.push({
      eventIndex: 2 * i,
      asset: context.nativeAsset,
      to: key,
      from: senderOf(tx, paying, pre),
      amount: change,
      reference: firstReference(tx, paying),
    })
  })
  for (const i of new Set([...pre.keys(), ...post.keys()])) {
    const before = pre.get(i)
    const after = post.get(i)
    const token = context.tokens.get((after ?? before)!.mint)
    const change = (after?.amount ?? 0n) - (before?.amount ?? 0n)
    if (!token || change <= 0n) continue
    const paying = transfers.filter((t) => t.kind === 'token' && t.destination === i)
    found.push({
      eventIndex: 2 * i + 1,
      asset: token.asset,
      token,
      to: after?.owner ?? before?.owner ?? tx.accountKeys[i]!,
      from: senderOf(tx, paying, pre),
      amount: change,
      reference: firstReference(tx, paying),
    })
  }
  return found
}

function attemptedTransfers(context: SolanaContext, tx: SolanaTransaction): Found[] {
  const pre = byAccount(tx.meta!.preTokenBalances)
  const created = createdTokenAccounts(tx)
  const byTarget = new Map<number, DecodedTransfer[]>()
  for (const ix of tx.instructions) {
    const t = decodeTransfer(tx, ix)
    if (!t || t.amount === 0n) continue
    const target = 2 * t.destination + (t.kind === 'token' ? 1 : 0)
    byTarget.set(target, [...(byTarget.get(target) ?? []), t])
  }
  const found: Found[] = []
  for (const [eventIndex, paying] of byTarget) {
    const first = paying[0]!
    const amount = paying.reduce((sum, t) => sum + t.amount, 0n)
    const common = {
      eventIndex,
      amount,
      from: senderOf(tx, paying, pre),
      reference: firstReference(tx, paying),
    }
    if (first.kind === 'sol') {
      found.push({ ...common, asset: context.nativeAsset, to: tx.accountKeys[first.destination]! })
      continue
    }
    const creation = created.get(first.destination)
    const mintKey =
      first.mint !== undefined
        ? tx.accountKeys[first.mint]
        : (pre.get(first.destination)?.mint ?? keyAt(tx, creation?.mint))
    const token = mintKey === undefined ? undefined : context.tokens.get(mintKey)
    if (!token) continue
    const owner =
      pre.get(first.destination)?.owner ?? keyAt(tx, creation?.owner) ?? tx.accountKeys[first.destination]!
    found.push({ ...common, asset: token.asset, token, to: owner })
  }
  return found
}

/** The payer of the first transfer into the account: the source's owner for tokens; else the fee payer. */
function senderOf(
  tx: SolanaTransaction,
  paying: DecodedTransfer[],
  pre: Map<number, TokenBalance>,
): string | null {
  const first = paying[0]
  if (!first) return tx.accountKeys[0] ?? null
  if (first.kind === 'sol') return tx.accountKeys[first.source]!
  return pre.get(first.source)?.owner ?? tx.accountKeys[first.authority]!
}

function firstReference(tx: SolanaTransaction, paying: DecodedTransfer[]): string | undefined {
  for (const t of paying) {
    const reference = referenceOf(tx, t)
    if (reference) return reference
  }
  return undefined
}

function byAccount(balances: TokenBalance[]): Map<number, TokenBalance> {
  return new Map(balances.map((b) => [b.accountIndex, b]))
}

function keyAt(tx: SolanaTransaction, i: number | undefined): string | undefined {
  return i === undefined ? undefined : tx.accountKeys[i]
}
