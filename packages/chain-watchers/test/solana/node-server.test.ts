import {
  Connection,
  LAMPORTS_PER_SOL,
  SendTransactionError,
  SystemProgram,
  Transaction,
} from '@solana/web3.js'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { newReference, TestCluster } from './cluster.js'
import { type SolanaNodeServer, startSolanaNode } from './server.js'

// The local node is only worth testing against if it answers as agave does: web3.js validates every
// answer against its own schemas (superstruct), so a shape it rejects fails these tests.
describe('local Solana node, as @solana/web3.js sees it', () => {
  let cluster: TestCluster
  let node: SolanaNodeServer
  let connection: Connection
  beforeEach(async () => {
    cluster = new TestCluster()
    node = await startSolanaNode(cluster.ledger)
    connection = new Connection(node.url, { commitment: 'confirmed', disableRetryOnRateLimit: true })
  })
  afterEach(() => node.close())

  it('sends a wallet-signed transfer, lists it by address and serves it with balances once confirmed', async () => {
    const payer = cluster.wallet()
    const merchant = cluster.wallet({ sol: 1_000_000n })
    const reference = newReference()
    const { blockhash } = await connection.getLatestBlockhash()
    const ix = SystemProgram.transfer({
      fromPubkey: payer.publicKey,
      toPubkey: merchant.publicKey,
      lamports: 2_500_000,
    })
    ix.keys.push({ pubkey: reference, isSigner: false, isWritable: false })
    const tx = new Transaction({ feePayer: payer.publicKey, recentBlockhash: blockhash }).add(ix)
    tx.sign(payer)

    const signature = await connection.sendRawTransaction(tx.serialize())

    // Processed only: not listed nor served at the confirmed commitment yet.
    expect(await connection.getSignaturesForAddress(reference)).toEqual([])
    expect(await connection.getTransaction(signature, { maxSupportedTransactionVersion: 0 })).toBeNull()
    const [block] = cluster.ledger.advance()
    const listed = await connection.getSignaturesForAddress(reference)
    expect(listed).toEqual([
      {
        signature,
        slot: Number(block!.slot),
        err: null,
        memo: null,
        blockTime: block!.blockTime,
        confirmationStatus: 'confirmed',
      },
    ])
    const served = await connection.getTransaction(signature, { maxSupportedTransactionVersion: 0 })
    expect(served?.version).toBe('legacy')
    const keys = served!.transaction.message.staticAccountKeys.map((k) => k.toBase58())
    expect([...keys].sort()).toEqual(
      [payer.publicKey, merchant.publicKey, reference, SystemProgram.programId]
        .map((k) => k.toBase58())
        .sort(),
    )
    const at = (k: { toBase58(): string }) => keys.indexOf(k.toBase58())
    const { preBalances, postBalances } = served!.meta!
    expect(
      [at(payer.publicKey), at(merchant.publicKey)].map((i) => [preBalances[i], postBalances[i]]),
    ).toEqual([
      [10 * LAMPORTS_PER_SOL, 10 * LAMPORTS_PER_SOL - 2_505_000],
      [1_000_000, 3_500_000],
    ])
    expect(served?.meta).toMatchObject({ err: null, fee: 5_000, preTokenBalances: [], postTokenBalances: [] })
    const statuses = await connection.getSignatureStatuses([signature])
    expect(statuses.value[0]).toMatchObject({
      slot: Number(block!.slot),
      err: null,
      confirmationStatus: 'confirmed',
    })
  })

  it('serves token balances before and after an SPL transfer that creates the recipient account', async () => {
    const payer = cluster.wallet({ usdc: 50_000_000n })
    const merchant = cluster.wallet()
    const outcome = cluster.payUsdc({
      from: payer,
      to: merchant.publicKey,
      amount: 12_340_000n,
      createAccount: true,
    })
    const tx = cluster.landed(outcome)
    cluster.ledger.advance()

    const served = await connection.getTransaction(tx.signature, { maxSupportedTransactionVersion: 0 })

    const keys = served!.transaction.message.staticAccountKeys.map((k) => k.toBase58())
    const payerAta = keys.indexOf(cluster.usdcAccount(payer.publicKey).toBase58())
    const merchantAta = keys.indexOf(cluster.usdcAccount(merchant.publicKey).toBase58())
    const mint = cluster.usdcMint.toBase58()
    expect(served!.meta!.preTokenBalances).toEqual([
      expect.objectContaining({
        accountIndex: payerAta,
        mint,
        owner: payer.publicKey.toBase58(),
        uiTokenAmount: expect.objectContaining({ amount: '50000000', decimals: 6, uiAmountString: '50' }),
      }),
    ])
    expect(served!.meta!.postTokenBalances).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          accountIndex: payerAta,
          uiTokenAmount: expect.objectContaining({ amount: '37660000', uiAmountString: '37.66' }),
        }),
        expect.objectContaining({
          accountIndex: merchantAta,
          owner: merchant.publicKey.toBase58(),
          uiTokenAmount: expect.objectContaining({ amount: '12340000' }),
        }),
      ]),
    )
    // The associated token program's CPIs (create account, initialise) are recorded as inner instructions.
    expect(served!.meta!.innerInstructions?.[0]?.index).toBe(0)
    expect(served!.meta!.innerInstructions?.[0]?.instructions.length).toBeGreaterThan(1)
  })

  it('refuses a failing transaction in preflight, and lands it as failed (fee charged) without preflight', async () => {
    const payer = cluster.wallet({ sol: 1_000_000n })
    const merchant = cluster.wallet()
    const { blockhash } = await connection.getLatestBlockhash()
    const tx = new Transaction({ feePayer: payer.publicKey, recentBlockhash: blockhash }).add(
      SystemProgram.transfer({
        fromPubkey: payer.publicKey,
        toPubkey: merchant.publicKey,
        lamports: 5_000_000,
      }),
    )
    tx.sign(payer)

    const error = await connection.sendRawTransaction(tx.serialize()).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SendTransactionError)
    expect((error as SendTransactionError).message).toContain('custom program error: 0x1')

    const signature = await connection.sendRawTransaction(tx.serialize(), { skipPreflight: true })
    cluster.ledger.advance()
    const served = await connection.getTransaction(signature, { maxSupportedTransactionVersion: 0 })
    expect(served?.meta?.err).toEqual({ InstructionError: [0, { Custom: 1 }] })
    expect(served?.meta?.postBalances[0]).toBe(1_000_000 - 5_000)
    expect(served?.meta?.postBalances[1]).toBe(served?.meta?.preBalances[1])
  })

  it('rejects the same transaction twice and a stale blockhash, as a validator does', async () => {
    const payer = cluster.wallet()
    const merchant = cluster.wallet()
    const first = cluster.paySol({ from: payer, to: merchant.publicKey, lamports: 1_000n })
    expect(first.landed).toBe(true)
    const again = cluster.ledger.submit(cluster.landed(first).wire)
    expect(again).toMatchObject({ landed: false, name: 'AlreadyProcessed' })

    const stale = cluster.ledger.tip.blockhash
    cluster.ledger.advance(151)
    const tx = new Transaction({ feePayer: payer.publicKey, recentBlockhash: stale }).add(
      SystemProgram.transfer({ fromPubkey: payer.publicKey, toPubkey: merchant.publicKey, lamports: 7 }),
    )
    tx.sign(payer)
    expect(cluster.ledger.submit(tx.serialize())).toMatchObject({ landed: false, name: 'BlockhashNotFound' })
  })

  it('serves blocks, skipped slots, heads per commitment and a finalized slot lagging behind', async () => {
    cluster.ledger.finalityLag = 3n
    const [a] = cluster.ledger.advance(1, { skip: 2 })
    const [b] = cluster.ledger.advance(5)
    const confirmed = cluster.ledger.tip

    expect(await connection.getGenesisHash()).toBe(cluster.ledger.genesisHash)
    expect(await connection.getSlot('confirmed')).toBe(Number(confirmed.slot))
    expect(await connection.getSlot('finalized')).toBe(Number(confirmed.slot) - 3)
    expect(await connection.getSlot('processed')).toBe(Number(confirmed.slot) + 1)
    expect(await connection.getBlockHeight('confirmed')).toBe(Number(confirmed.blockHeight))
    const latest = await connection.getLatestBlockhashAndContext('finalized')
    expect(latest.context.slot).toBe(Number(confirmed.slot) - 3)
    expect(latest.value.blockhash).toBe(cluster.ledger.blockAt(confirmed.slot - 3n)!.blockhash)

    const none = await connection.getBlock(Number(b!.slot), {
      transactionDetails: 'none',
      rewards: false,
      maxSupportedTransactionVersion: 0,
    })
    expect(none).toMatchObject({
      blockhash: b!.blockhash,
      previousBlockhash: a!.blockhash,
      parentSlot: Number(a!.slot),
    })
    const skipped = Number(a!.slot) + 1
    await expect(connection.getBlock(skipped, { maxSupportedTransactionVersion: 0 })).rejects.toThrow(
      /was skipped/,
    )
    await expect(
      connection.getBlock(Number(confirmed.slot) + 5, { maxSupportedTransactionVersion: 0 }),
    ).rejects.toThrow(/not available/)
    expect(await connection.getBlocks(Number(a!.slot), Number(b!.slot))).toEqual([
      Number(a!.slot),
      Number(b!.slot),
    ])
  })
})
