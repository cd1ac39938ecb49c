import { base58 } from '@scure/base'
import {
  arrayOf,
  base58Of,
  index,
  MalformedAnswer,
  nullable,
  object,
  string,
  u64,
  u64String,
} from './read.js'

// Readers of the few answers the adapter uses, in the shapes agave's JSON-RPC server writes them
// (`encoding: "json"`): they check what is used and return it typed, with u64 values as bigints.

/** One entry of getSignaturesForAddress. */
export interface SignatureInfo {
  signature: string
  slot: bigint
  failed: boolean
}

export function readSignatureInfos(result: unknown): SignatureInfo[] {
  return arrayOf(result, 'result', (v, path) => {
    const o = object(v, path)
    return {
      signature: base58Of(o.signature, `${path}.signature`, 64),
      slot: u64(o.slot, `${path}.slot`),
      failed: o.err !== null && o.err !== undefined,
    }
  })
}

/** An instruction as a message compiles it: indices into the transaction's account keys. */
export interface CompiledInstruction {
  programIdIndex: number
  accounts: number[]
  data: Uint8Array
}

/** An SPL token account's balance before or after the transaction. */
export interface TokenBalance {
  accountIndex: number
  mint: string
  /** The wallet that owns the token account (absent in transactions older than 2021). */
  owner: string | undefined
  amount: bigint
}

/** What a transfer needs of getTransaction's answer. */
export interface SolanaTransaction {
  signature: string
  slot: bigint
  blockTime: number | null
  /** The message's keys, then the addresses loaded from lookup tables (writable, then read-only). */
  accountKeys: string[]
  /** Keys below this index signed the transaction (the first is the fee payer). */
  signerCount: number
  instructions: CompiledInstruction[]
  /** The instructions programs invoked (CPI), in execution order. */
  innerInstructions: CompiledInstruction[]
  /** Null for the oldest transactions, whose status the ledger did not record. */
  meta: {
    failed: boolean
    /** Lamports the fee payer paid (base and priority fee), failed or not. */
    fee: bigint
    preBalances: bigint[]
    postBalances: bigint[]
    preTokenBalances: TokenBalance[]
    postTokenBalances: TokenBalance[]
  } | null
}

/** getTransaction with `encoding: "json"`; null when the node does not know the signature. */
export function readTransaction(result: unknown): SolanaTransaction | null {
  if (result === null) return null
  const o = object(result, 'result')
  const tx = object(o.transaction, 'transaction')
  const message = object(tx.message, 'transaction.message')
  const header = object(message.header, 'transaction.message.header')
  const staticKeys = arrayOf(message.accountKeys, 'message.accountKeys', (v, p) => base58Of(v, p, 32))
  const metaJson = o.meta === null || o.meta === undefined ? null : object(o.meta, 'meta')
  const loaded = metaJson?.loadedAddresses
    ? object(metaJson.loadedAddresses, 'meta.loadedAddresses')
    : undefined
  const accountKeys = [
    ...staticKeys,
    ...(loaded
      ? arrayOf(loaded.writable, 'meta.loadedAddresses.writable', (v, p) => base58Of(v, p, 32))
      : []),
    ...(loaded
      ? arrayOf(loaded.readonly, 'meta.loadedAddresses.readonly', (v, p) => base58Of(v, p, 32))
      : []),
  ]
  const keyIndex = (v: unknown, path: string) => {
    const i = index(v, path)
    if (i >= accountKeys.length)
      throw new MalformedAnswer(path, `index ${i} beyond ${accountKeys.length} keys`)
    return i
  }
  const instruction = (v: unknown, path: string): CompiledInstruction => {
    const ix = object(v, path)
    return {
      programIdIndex: keyIndex(ix.programIdIndex, `${path}.programIdIndex`),
      accounts: arrayOf(ix.accounts, `${path}.accounts`, keyIndex),
      data: base58Bytes(ix.data, `${path}.data`),
    }
  }
  const signatures = arrayOf(tx.signatures, 'transaction.signatures', (v, p) => base58Of(v, p, 64))
  const signature = signatures[0]
  if (signature === undefined) throw new MalformedAnswer('transaction.signatures', 'no signature')
  return {
    signature,
    slot: u64(o.slot, 'slot'),
    blockTime: nullable(o.blockTime, 'blockTime', index),
    accountKeys,
    signerCount: index(header.numRequiredSignatures, 'message.header.numRequiredSignatures'),
    instructions: arrayOf(message.instructions, 'message.instructions', instruction),
    innerInstructions: metaJson
      ? (nullable(metaJson.innerInstructions, 'meta.innerInstructions', (v, p) =>
          arrayOf(v, p, (group, gp) =>
            arrayOf(object(group, gp).instructions, `${gp}.instructions`, instruction),
          ),
        )?.flat() ?? [])
      : [],
    meta: metaJson && readMeta(metaJson, accountKeys.length, keyIndex),
  }
}

function readMeta(meta: Record<string, unknown>, keys: number, keyIndex: (v: unknown, p: string) => number) {
  const balances = (v: unknown, path: string) => {
    const list = arrayOf(v, path, u64)
    if (list.length !== keys) throw new MalformedAnswer(path, `${list.length} balances for ${keys} keys`)
    return list
  }
  const tokenBalances = (v: unknown, path: string) =>
    nullable(v, path, (list, p) =>
      arrayOf(list, p, (entry, ep): TokenBalance => {
        const b = object(entry, ep)
        const owner = nullable(b.owner, `${ep}.owner`, (o, op) => base58Of(o, op, 32))
        return {
          accountIndex: keyIndex(b.accountIndex, `${ep}.accountIndex`),
          mint: base58Of(b.mint, `${ep}.mint`, 32),
          owner: owner ?? undefined,
          amount: u64String(
            object(b.uiTokenAmount, `${ep}.uiTokenAmount`).amount,
            `${ep}.uiTokenAmount.amount`,
          ),
        }
      }),
    ) ?? []
  return {
    failed: meta.err !== null && meta.err !== undefined,
    fee: u64(meta.fee, 'meta.fee'),
    preBalances: balances(meta.preBalances, 'meta.preBalances'),
    postBalances: balances(meta.postBalances, 'meta.postBalances'),
    preTokenBalances: tokenBalances(meta.preTokenBalances, 'meta.preTokenBalances'),
    postTokenBalances: tokenBalances(meta.postTokenBalances, 'meta.postTokenBalances'),
  }
}

/** getBlock with `transactionDetails: "none"`: the block's own hash and time. */
export interface BlockInfo {
  blockhash: string
  blockTime: number | null
}

export function readBlock(result: unknown): BlockInfo | null {
  if (result === null) return null
  const o = object(result, 'result')
  return {
    blockhash: base58Of(o.blockhash, 'blockhash', 32),
    blockTime: nullable(o.blockTime, 'blockTime', index),
  }
}

/** getLatestBlockhash: the slot of the bank at the commitment asked, and that bank's blockhash. */
export function readLatestBlockhash(result: unknown): { slot: bigint; blockhash: string } {
  const o = object(result, 'result')
  return {
    slot: u64(object(o.context, 'context').slot, 'context.slot'),
    blockhash: base58Of(object(o.value, 'value').blockhash, 'value.blockhash', 32),
  }
}

function base58Bytes(value: unknown, path: string): Uint8Array {
  try {
    return base58.decode(string(value, path))
  } catch (error) {
    if (error instanceof MalformedAnswer) throw error
    throw new MalformedAnswer(path, 'not base58')
  }
}
