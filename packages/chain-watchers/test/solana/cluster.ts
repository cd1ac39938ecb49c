import { address, lamports } from '@solana/kit'
import {
  createAssociatedTokenAccountIdempotentInstruction,
  createInitializeMint2Instruction,
  createMintToCheckedInstruction,
  createTransferCheckedInstruction,
  getAssociatedTokenAddressSync,
  MINT_SIZE,
  TOKEN_PROGRAM_ID,
} from '@solana/spl-token'
import {
  Keypair,
  LAMPORTS_PER_SOL,
  PublicKey,
  SystemProgram,
  Transaction,
  type TransactionInstruction,
  TransactionMessage,
  VersionedTransaction,
} from '@solana/web3.js'
import { type LedgerTransaction, LocalLedger, type SubmitOutcome } from './ledger.js'

export const USDC_DECIMALS = 6

export interface PaySolParameters {
  from: Keypair
  to: PublicKey
  lamports: bigint
  /** Solana Pay reference keys, appended to the transfer instruction as read-only non-signers. */
  reference?: PublicKey | PublicKey[]
  /** Build a version 0 transaction instead of a legacy one. */
  v0?: boolean
}

export interface PayUsdcParameters {
  from: Keypair
  /** The recipient wallet; the tokens go to its associated token account. */
  to: PublicKey
  amount: bigint
  reference?: PublicKey | PublicKey[]
  /** Prepend createAssociatedTokenAccountIdempotent, paid by the sender, as many wallets do. */
  createAccount?: boolean
}

/**
 * A local cluster with a USDC-like mint (6 decimals), and the wallet side of payments: transactions built
 * with @solana/web3.js and @solana/spl-token, signed, and submitted as the bytes a wallet would send.
 */
export class TestCluster {
  readonly ledger = new LocalLedger()
  readonly mintAuthority = Keypair.generate()
  readonly usdcMint: PublicKey

  constructor() {
    this.airdrop(this.mintAuthority.publicKey, 100n * BigInt(LAMPORTS_PER_SOL))
    const mint = Keypair.generate()
    const rent = Number(this.ledger.svm.minimumBalanceForRentExemption(BigInt(MINT_SIZE)))
    this.landed(
      this.send(
        this.mintAuthority,
        [
          SystemProgram.createAccount({
            fromPubkey: this.mintAuthority.publicKey,
            newAccountPubkey: mint.publicKey,
            space: MINT_SIZE,
            lamports: rent,
            programId: TOKEN_PROGRAM_ID,
          }),
          createInitializeMint2Instruction(mint.publicKey, USDC_DECIMALS, this.mintAuthority.publicKey, null),
        ],
        [mint],
      ),
    )
    this.usdcMint = mint.publicKey
    this.ledger.advance()
  }

  /** Lamports out of thin air (genesis money: not a transaction of the ledger). */
  airdrop(to: PublicKey, amount: bigint): void {
    this.ledger.svm.airdrop(address(to.toBase58()), lamports(amount))
  }

  /** A funded wallet, optionally holding USDC (minted by a landed transaction). */
  wallet({ sol = 10n * BigInt(LAMPORTS_PER_SOL), usdc = 0n }: { sol?: bigint; usdc?: bigint } = {}): Keypair {
    const keypair = Keypair.generate()
    this.airdrop(keypair.publicKey, sol)
    if (usdc > 0n) {
      const ata = this.usdcAccount(keypair.publicKey)
      this.landed(
        this.send(this.mintAuthority, [
          createAssociatedTokenAccountIdempotentInstruction(
            this.mintAuthority.publicKey,
            ata,
            keypair.publicKey,
            this.usdcMint,
          ),
          createMintToCheckedInstruction(
            this.usdcMint,
            ata,
            this.mintAuthority.publicKey,
            usdc,
            USDC_DECIMALS,
          ),
        ]),
      )
    }
    return keypair
  }

  usdcAccount(owner: PublicKey): PublicKey {
    return getAssociatedTokenAddressSync(this.usdcMint, owner, true)
  }

  /** A Solana Pay SOL transfer: SystemProgram.transfer with the references appended. */
  paySol({ from, to, lamports: amount, reference, v0 }: PaySolParameters): SubmitOutcome {
    const ix = SystemProgram.transfer({ fromPubkey: from.publicKey, toPubkey: to, lamports: amount })
    withReferences(ix, reference)
    return v0 ? this.sendV0(from, [ix]) : this.send(from, [ix])
  }

  /** A Solana Pay SPL transfer: transferChecked to the recipient's associated token account, references appended. */
  payUsdc({ from, to, amount, reference, createAccount = false }: PayUsdcParameters): SubmitOutcome {
    const destination = this.usdcAccount(to)
    const ix = createTransferCheckedInstruction(
      this.usdcAccount(from.publicKey),
      this.usdcMint,
      destination,
      from.publicKey,
      amount,
      USDC_DECIMALS,
    )
    withReferences(ix, reference)
    const create = createAssociatedTokenAccountIdempotentInstruction(
      from.publicKey,
      destination,
      to,
      this.usdcMint,
    )
    return this.send(from, createAccount ? [create, ix] : [ix])
  }

  /** Signs a legacy transaction paid by `payer` against the latest blockhash and submits it. */
  send(payer: Keypair, instructions: TransactionInstruction[], signers: Keypair[] = []): SubmitOutcome {
    const tx = new Transaction({ feePayer: payer.publicKey, recentBlockhash: this.ledger.tip.blockhash }).add(
      ...instructions,
    )
    tx.sign(payer, ...signers)
    return this.ledger.submit(tx.serialize())
  }

  /** The same as a version 0 transaction (no lookup tables). */
  sendV0(payer: Keypair, instructions: TransactionInstruction[]): SubmitOutcome {
    const message = new TransactionMessage({
      payerKey: payer.publicKey,
      recentBlockhash: this.ledger.tip.blockhash,
      instructions,
    }).compileToV0Message()
    const tx = new VersionedTransaction(message)
    tx.sign([payer])
    return this.ledger.submit(tx.serialize())
  }

  /** The landed transaction of an outcome; throws when it was rejected. */
  landed(outcome: SubmitOutcome): LedgerTransaction {
    if (!outcome.landed) throw new Error(`transaction ${outcome.signature} rejected: ${outcome.name}`)
    return outcome.tx
  }
}

function withReferences(ix: TransactionInstruction, reference: PublicKey | PublicKey[] | undefined) {
  for (const pubkey of reference === undefined ? [] : [reference].flat()) {
    ix.keys.push({ pubkey, isSigner: false, isWritable: false })
  }
}

/** A new reference key, as Coinbook issues one per payment request. */
export function newReference(): PublicKey {
  return Keypair.generate().publicKey
}

/** A public key from its base58 form (a reference or wallet the API handed out). */
export function publicKey(base58: string): PublicKey {
  return new PublicKey(base58)
}
