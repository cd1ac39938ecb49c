import { randomBytes } from 'node:crypto'
import { base58 } from '@scure/base'
import { address, getTransactionDecoder } from '@solana/kit'
import { VersionedTransaction } from '@solana/web3.js'
import { FailedTransactionMetadata, LiteSVM, type TransactionMetadata } from 'litesvm'
import { describeFailure, type TransactionErrorJson } from './tx-errors.js'

const TOKEN_PROGRAMS = new Set([
  'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA',
  'TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb',
])
const LAMPORTS_PER_SIGNATURE = 5_000n
/** Blocks a blockhash stays valid for (agave's MAX_PROCESSING_AGE). */
const BLOCKHASH_AGE = 150

export interface TokenBalanceRecord {
  accountIndex: number
  mint: string
  owner: string
  programId: string
  amount: bigint
  decimals: number
}

export interface InnerInstructionRecord {
  programIdIndex: number
  accounts: number[]
  data: Uint8Array
  stackHeight: number
}

/** A transaction as the ledger keeps it: the signed bytes, the decoded message and what execution did. */
export interface LedgerTransaction {
  signature: string
  signatures: string[]
  wire: Uint8Array
  version: 'legacy' | 0
  slot: bigint
  message: {
    header: {
      numRequiredSignatures: number
      numReadonlySignedAccounts: number
      numReadonlyUnsignedAccounts: number
    }
    accountKeys: string[]
    recentBlockhash: string
    instructions: { programIdIndex: number; accounts: number[]; data: Uint8Array }[]
  }
  meta: {
    err: TransactionErrorJson | null
    fee: bigint
    preBalances: bigint[]
    postBalances: bigint[]
    preTokenBalances: TokenBalanceRecord[]
    postTokenBalances: TokenBalanceRecord[]
    /** Per top-level instruction, the instructions it invoked. */
    innerInstructions: InnerInstructionRecord[][]
    logMessages: string[]
    computeUnitsConsumed: bigint
  }
}

export interface LedgerBlock {
  slot: bigint
  parentSlot: bigint
  blockhash: string
  previousBlockhash: string
  blockHeight: bigint
  blockTime: number
  transactions: LedgerTransaction[]
}

/** What `submit` did: landed in the open slot (succeeded or failed), or rejected before execution. */
export type SubmitOutcome =
  | { landed: true; tx: LedgerTransaction }
  | { landed: false; signature: string; error: TransactionErrorJson; name: string; logs: string[] }

/**
 * A local Solana cluster in memory: litesvm executes every transaction for real (the System and SPL Token
 * programs, signatures, fees), and this class keeps what a validator's ledger would around it: slots and
 * blocks with their blockhashes, skipped slots, recent-blockhash validity, the balances and token balances
 * of every account key before and after each transaction, and a finalized slot that lags the confirmed
 * one by `finalityLag` slots.
 *
 * Transactions land in the open (processed) slot; `advance` closes it into a confirmed block.
 *
 * Why litesvm 1.5 (and @solana/kit, which its API speaks) here while the adapter stays on web3.js v1:
 * wallets build and sign with web3.js and spl-token, and litesvm runs the real SBF programs on those
 * bytes, so a token transfer to a missing account, a wrong owner or an overdraft fails as on a cluster,
 * fees are charged on failure, and the associated token program's CPIs appear as inner instructions.
 * A hand-written executor would only mirror our own reading of those programs back at the adapter.
 * (litesvm 0.3, the web3.js v1 flavour, needs glibc 2.38 and does not load on Debian 12.)
 */
export class LocalLedger {
  readonly svm = new LiteSVM().withBlockhashCheck(false)
  readonly genesisHash = base58.encode(randomBytes(32))
  readonly blocks: LedgerBlock[] = []
  /** Slots between the confirmed tip and the finalized block. */
  finalityLag = 32n
  private open: { slot: bigint; transactions: LedgerTransaction[] }
  private readonly bySignature = new Map<string, LedgerTransaction>()
  private readonly genesisTime = 1_767_225_600

  constructor() {
    this.blocks.push(this.makeBlock(0n, 0n, []))
    this.open = { slot: 1n, transactions: [] }
    this.svm.warpToSlot(1n)
  }

  get tip(): LedgerBlock {
    return this.blocks.at(-1)!
  }

  /** The slot transactions are landing in now (the `processed` commitment). */
  get processedSlot(): bigint {
    return this.open.slot
  }

  /** The transactions of the open slot, not yet in a confirmed block. */
  get processing(): readonly LedgerTransaction[] {
    return this.open.transactions
  }

  /** The newest block at least `finalityLag` slots below `confirmed` (genesis at least). */
  finalizedBelow(confirmed: LedgerBlock): LedgerBlock {
    const limit = confirmed.slot - this.finalityLag
    for (let i = this.blocks.indexOf(confirmed); i >= 0; i--) {
      const block = this.blocks[i]!
      if (block.slot <= limit) return block
    }
    return this.blocks[0]!
  }

  blockAt(slot: bigint): LedgerBlock | undefined {
    return this.blocks.find((b) => b.slot === slot)
  }

  transaction(signature: string): LedgerTransaction | undefined {
    return this.bySignature.get(signature)
  }

  /** Whether a blockhash can still be used: one of the last 150 blocks'. */
  isBlockhashValid(blockhash: string): boolean {
    return this.blocks.slice(-BLOCKHASH_AGE).some((b) => b.blockhash === blockhash)
  }

  /** Executes signed transaction bytes in the open slot, as a leader would. */
  submit(wire: Uint8Array): SubmitOutcome {
    const decoded = VersionedTransaction.deserialize(wire)
    const { message } = decoded
    if (message.addressTableLookups.length > 0)
      throw new Error('address lookup tables are not supported here')
    const signatures = decoded.signatures.map((s) => base58.encode(s))
    const signature = signatures[0]!
    const accountKeys = message.staticAccountKeys.map((k) => k.toBase58())
    const reject = (name: string): SubmitOutcome => ({
      landed: false,
      signature,
      error: name,
      name,
      logs: [],
    })
    if (!this.isBlockhashValid(message.recentBlockhash)) return reject('BlockhashNotFound')
    if (this.bySignature.has(signature)) return reject('AlreadyProcessed')

    const before = accountKeys.map((k) => this.readAccount(k))
    const result = this.svm.sendTransaction(getTransactionDecoder().decode(wire))
    let err: TransactionErrorJson | null = null
    let meta: TransactionMetadata
    if (result instanceof FailedTransactionMetadata) {
      const failure = describeFailure(result)
      if (!failure.committed) {
        return {
          landed: false,
          signature,
          error: failure.json,
          name: failure.name,
          logs: result.meta().logs(),
        }
      }
      err = failure.json
      meta = result.meta()
    } else meta = result
    const after = accountKeys.map((k) => this.readAccount(k))

    const tx: LedgerTransaction = {
      signature,
      signatures,
      wire,
      version: decoded.version,
      slot: this.open.slot,
      message: {
        header: message.header,
        accountKeys,
        recentBlockhash: message.recentBlockhash,
        instructions: message.compiledInstructions.map((ix) => ({
          programIdIndex: ix.programIdIndex,
          accounts: [...ix.accountKeyIndexes],
          data: Uint8Array.from(ix.data),
        })),
      },
      meta: {
        err,
        fee: LAMPORTS_PER_SIGNATURE * BigInt(message.header.numRequiredSignatures),
        preBalances: before.map((a) => a.lamports),
        postBalances: after.map((a) => a.lamports),
        preTokenBalances: this.tokenBalances(before),
        postTokenBalances: this.tokenBalances(after),
        innerInstructions: meta.innerInstructions().map((list) =>
          list.map((inner) => {
            const ix = inner.instruction()
            return {
              programIdIndex: ix.programIdIndex(),
              accounts: [...ix.accounts()],
              data: Uint8Array.from(ix.data()),
              stackHeight: inner.stackHeight(),
            }
          }),
        ),
        logMessages: meta.logs(),
        computeUnitsConsumed: meta.computeUnitsConsumed(),
      },
    }
    this.open.transactions.push(tx)
    this.bySignature.set(signature, tx)
    return { landed: true, tx }
  }

  /** Runs a transaction without landing it (sendTransaction's preflight): its error, if it would fail. */
  simulate(wire: Uint8Array): { error: TransactionErrorJson; logs: string[] } | undefined {
    const result = this.svm.simulateTransaction(getTransactionDecoder().decode(wire))
    if (!(result instanceof FailedTransactionMetadata)) return undefined
    return { error: describeFailure(result).json, logs: result.meta().logs() }
  }

  /**
   * Closes the open slot into a block, then opens the next slot after `skip` skipped ones; repeated
   * `count` times (empty blocks after the first).
   */
  advance(count = 1, { skip = 0 }: { skip?: number } = {}): LedgerBlock[] {
    const made: LedgerBlock[] = []
    for (let i = 0; i < count; i++) {
      const parent = this.tip
      this.svm.expireBlockhash()
      const block = this.makeBlock(this.open.slot, parent.blockHeight + 1n, this.open.transactions, parent)
      this.blocks.push(block)
      made.push(block)
      this.open = { slot: block.slot + 1n + BigInt(i === 0 ? skip : 0), transactions: [] }
      this.svm.warpToSlot(this.open.slot)
    }
    return made
  }

  /** Closes blocks until the block at `slot` is finalized. */
  finalize(slot: bigint): void {
    while (this.finalizedBelow(this.tip).slot < slot) this.advance()
  }

  /** Lamports of an account now (0 when it does not exist). */
  balance(key: string): bigint {
    return this.readAccount(key).lamports
  }

  private makeBlock(
    slot: bigint,
    height: bigint,
    transactions: LedgerTransaction[],
    parent?: LedgerBlock,
  ): LedgerBlock {
    return {
      slot,
      parentSlot: parent?.slot ?? 0n,
      blockhash: this.svm.latestBlockhash(),
      previousBlockhash: parent?.blockhash ?? this.svm.latestBlockhash(),
      blockHeight: height,
      blockTime: this.genesisTime + Math.floor((Number(slot) * 2) / 5),
      transactions,
    }
  }

  private readAccount(key: string) {
    const account = this.svm.getAccount(address(key))
    if (!account.exists) return { lamports: 0n, owner: undefined, data: new Uint8Array() }
    return { lamports: BigInt(account.lamports), owner: String(account.programAddress), data: account.data }
  }

  // The validator collects these for every account key owned by a token program that holds an initialised
  // token account (state byte at offset 108), with the mint's decimals (offset 44 of the mint).
  private tokenBalances(accounts: ReturnType<LocalLedger['readAccount']>[]): TokenBalanceRecord[] {
    const out: TokenBalanceRecord[] = []
    accounts.forEach((account, accountIndex) => {
      const { owner: programId, data } = account
      if (!programId || !TOKEN_PROGRAMS.has(programId) || data.length < 165 || data[108] === 0) return
      if (data.length > 165 && data[165] !== 2) return
      const mint = base58.encode(data.subarray(0, 32))
      const mintData = this.readAccount(mint).data
      out.push({
        accountIndex,
        mint,
        owner: base58.encode(data.subarray(32, 64)),
        programId,
        amount: new DataView(data.buffer, data.byteOffset + 64, 8).getBigUint64(0, true),
        decimals: mintData[44] ?? 0,
      })
    })
    return out
  }
}
