import { base58 } from '@scure/base'
import type { LedgerBlock, LedgerTransaction, TokenBalanceRecord } from './ledger.js'

// The JSON shapes agave's RPC writes for transactions and blocks (`encoding: "json"`), with u64 values as
// bigints: `toJsonText` writes those as bare numbers, like serde does.

/** JSON text with bigints written as bare integers (u64 as the node writes them). */
export function toJsonText(value: unknown): string {
  if (typeof value === 'bigint') return value.toString()
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`
  const fields = Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${JSON.stringify(k)}:${toJsonText(v)}`)
  return `{${fields.join(',')}}`
}

/** uiAmountString: the amount in whole tokens, trailing zeros trimmed. */
function uiAmountString(amount: bigint, decimals: number): string {
  const text = amount.toString().padStart(decimals + 1, '0')
  const whole = text.slice(0, text.length - decimals)
  const fraction = text.slice(text.length - decimals).replace(/0+$/, '')
  return fraction ? `${whole}.${fraction}` : whole
}

function tokenBalanceJson(b: TokenBalanceRecord) {
  const ui = uiAmountString(b.amount, b.decimals)
  return {
    accountIndex: b.accountIndex,
    mint: b.mint,
    owner: b.owner,
    programId: b.programId,
    uiTokenAmount: {
      amount: b.amount.toString(),
      decimals: b.decimals,
      uiAmount: b.amount === 0n ? null : Number(ui),
      uiAmountString: ui,
    },
  }
}

export function transactionJson(tx: LedgerTransaction) {
  const { message } = tx
  return {
    signatures: tx.signatures,
    message: {
      accountKeys: message.accountKeys,
      header: message.header,
      recentBlockhash: message.recentBlockhash,
      instructions: message.instructions.map((ix) => ({
        programIdIndex: ix.programIdIndex,
        accounts: ix.accounts,
        data: base58.encode(ix.data),
        stackHeight: null,
      })),
      ...(tx.version === 0 ? { addressTableLookups: [] } : {}),
    },
  }
}

export function metaJson(tx: LedgerTransaction) {
  const { meta } = tx
  return {
    err: meta.err,
    status: meta.err === null ? { Ok: null } : { Err: meta.err },
    fee: meta.fee,
    preBalances: meta.preBalances,
    postBalances: meta.postBalances,
    innerInstructions: meta.innerInstructions
      .map((instructions, index) => ({
        index,
        instructions: instructions.map((ix) => ({
          programIdIndex: ix.programIdIndex,
          accounts: ix.accounts,
          data: base58.encode(ix.data),
          stackHeight: ix.stackHeight,
        })),
      }))
      .filter((group) => group.instructions.length > 0),
    logMessages: meta.logMessages,
    preTokenBalances: meta.preTokenBalances.map(tokenBalanceJson),
    postTokenBalances: meta.postTokenBalances.map(tokenBalanceJson),
    rewards: [],
    loadedAddresses: { writable: [], readonly: [] },
    computeUnitsConsumed: meta.computeUnitsConsumed,
  }
}

/** getTransaction's answer: with `version` only when the client said which versions it supports. */
export function getTransactionJson(
  tx: LedgerTransaction,
  block: LedgerBlock,
  withVersion: boolean,
  encoding: string,
) {
  return {
    slot: tx.slot,
    transaction: encoding === 'json' ? transactionJson(tx) : [encode(tx.wire, encoding), encoding],
    meta: metaJson(tx),
    blockTime: block.blockTime,
    ...(withVersion ? { version: tx.version } : {}),
  }
}

function encode(bytes: Uint8Array, encoding: string): string {
  return encoding === 'base58' ? base58.encode(bytes) : Buffer.from(bytes).toString('base64')
}
