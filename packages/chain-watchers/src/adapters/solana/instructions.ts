import type { CompiledInstruction, SolanaTransaction } from './responses.js'

export const SYSTEM_PROGRAM = '11111111111111111111111111111111'
export const TOKEN_PROGRAM = 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA'
export const TOKEN_2022_PROGRAM = 'TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb'
export const ASSOCIATED_TOKEN_PROGRAM = 'ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL'

/** A System transfer or an SPL Token transfer/transferChecked, by account indices of the transaction. */
export interface DecodedTransfer {
  kind: 'sol' | 'token'
  source: number
  destination: number
  amount: bigint
  /** transferChecked names the mint; transfer does not. */
  mint?: number
  /** Who signed for the source: its owner or delegate (System: the source itself). */
  authority: number
  /** The accounts after the instruction's own: Solana Pay references, or a multisig's signers. */
  extra: number[]
}

/** Decodes the transfers that move SOL or SPL tokens directly; anything else is undefined. */
export function decodeTransfer(tx: SolanaTransaction, ix: CompiledInstruction): DecodedTransfer | undefined {
  const program = tx.accountKeys[ix.programIdIndex]
  const { data, accounts } = ix
  if (program === SYSTEM_PROGRAM) {
    // SystemInstruction::Transfer: u32 LE 2, then u64 LE lamports; accounts [from, to].
    if (data.length !== 12 || readU32(data, 0) !== 2 || accounts.length < 2) return undefined
    const [source, destination] = accounts as [number, number]
    const amount = readU64(data, 4)
    return { kind: 'sol', source, destination, authority: source, amount, extra: accounts.slice(2) }
  }
  if (program !== TOKEN_PROGRAM && program !== TOKEN_2022_PROGRAM) return undefined
  // Transfer: 3, u64 amount; accounts [source, destination, authority, ...signers].
  if (data[0] === 3 && data.length === 9 && accounts.length >= 3) {
    const [source, destination, authority] = accounts as [number, number, number]
    return {
      kind: 'token',
      source,
      destination,
      authority,
      amount: readU64(data, 1),
      extra: accounts.slice(3),
    }
  }
  // TransferChecked: 12, u64 amount, u8 decimals; accounts [source, mint, destination, authority, ...signers].
  if (data[0] === 12 && data.length === 10 && accounts.length >= 4) {
    return {
      kind: 'token',
      source: accounts[0]!,
      mint: accounts[1]!,
      destination: accounts[2]!,
      authority: accounts[3]!,
      amount: readU64(data, 1),
      extra: accounts.slice(4),
    }
  }
  return undefined
}

/** Every direct transfer of the transaction: its instructions, then those programs invoked. */
export function transfersOf(tx: SolanaTransaction): DecodedTransfer[] {
  const out: DecodedTransfer[] = []
  for (const ix of [...tx.instructions, ...tx.innerInstructions]) {
    const t = decodeTransfer(tx, ix)
    if (t) out.push(t)
  }
  return out
}

/**
 * The Solana Pay reference of a transfer: its first extra account that did not sign. The spec has the
 * wallet append the request's references to the transfer instruction as read-only non-signer keys;
 * writability is not insisted on, since a key marked writable by a sloppy wallet still names the request.
 * A multisig authority's co-signers sit in the same place but are signers, so they never count.
 */
export function referenceOf(tx: SolanaTransaction, transfer: DecodedTransfer): string | undefined {
  const i = transfer.extra.find((k) => k >= tx.signerCount)
  return i === undefined ? undefined : tx.accountKeys[i]
}

/**
 * Token accounts the transaction creates through the associated token program, with their owner and mint
 * (what a failed transfer to a new account cannot show in its token balances).
 */
export function createdTokenAccounts(tx: SolanaTransaction): Map<number, { owner: number; mint: number }> {
  const out = new Map<number, { owner: number; mint: number }>()
  for (const ix of [...tx.instructions, ...tx.innerInstructions]) {
    if (tx.accountKeys[ix.programIdIndex] !== ASSOCIATED_TOKEN_PROGRAM) continue
    // Create (no data or 0) and CreateIdempotent (1): accounts [payer, account, owner, mint, ...].
    const kind = ix.data[0] ?? 0
    if (kind > 1 || ix.data.length > 1 || ix.accounts.length < 4) continue
    out.set(ix.accounts[1]!, { owner: ix.accounts[2]!, mint: ix.accounts[3]! })
  }
  return out
}

function readU32(data: Uint8Array, at: number): number {
  return new DataView(data.buffer, data.byteOffset, data.byteLength).getUint32(at, true)
}

function readU64(data: Uint8Array, at: number): bigint {
  return new DataView(data.buffer, data.byteOffset, data.byteLength).getBigUint64(at, true)
}
