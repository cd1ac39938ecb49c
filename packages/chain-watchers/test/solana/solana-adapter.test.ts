import { base58 } from '@scure/base'
import { Keypair, LAMPORTS_PER_SOL, PublicKey, SystemProgram, Transaction } from '@solana/web3.js'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { InvalidInputError, TransactionNotFoundError } from '../../src/errors.js'
import { newReference } from './cluster.js'
import { type SolanaHarness, startSolanaHarness } from './harness.js'
import { identity } from './scan-helpers.js'

describe('Solana adapter', () => {
  let h: SolanaHarness
  beforeEach(async () => {
    h = await startSolanaHarness()
  })
  afterEach(() => h.close())

  /** A merchant wallet with some SOL already (so its SOL account exists), and a paying customer. */
  function actors() {
    const merchant = h.cluster.wallet({ sol: 1_000_000n })
    const customer = h.cluster.wallet({ usdc: 100_000_000n })
    return { merchant, customer, wallet: merchant.publicKey.toBase58() }
  }

  it('finds a SOL payment with its Solana Pay reference, by scan and by signature, as one event', async () => {
    const { merchant, customer, wallet } = actors()
    const reference = newReference()
    const tx = h.cluster.landed(
      h.cluster.paySol({ from: customer, to: merchant.publicKey, lamports: 250_000_000n, reference }),
    )
    const [block] = h.ledger.advance()

    const scanned = await h.adapter.scanAccount(wallet, null)
    const verified = await h.adapter.verify(tx.signature)

    const expected = {
      network: 'solana',
      asset: 'SOL',
      txHash: tx.signature,
      eventIndex: 2 * tx.message.accountKeys.indexOf(wallet),
      from: customer.publicKey.toBase58(),
      to: wallet,
      reference: reference.toBase58(),
      amount: 250_000_000n,
      fee: 5_000n,
      blockRef: { number: block!.slot, hash: block!.blockhash },
      blockTime: block!.blockTime,
      status: 'pending',
    }
    expect(scanned.events).toEqual([expected])
    expect(scanned.more).toBe(false)
    // verify reports every recipient of the transaction; the one to the wallet is the same event.
    expect(verified).toEqual([expected])
  })

  it('finds a USDC transferChecked to the wallet`s token account, reported to the wallet with the mint', async () => {
    const { merchant, customer, wallet } = actors()
    const reference = newReference()
    // The customer's wallet creates the merchant's token account in the same transaction, as Phantom does.
    const tx = h.cluster.landed(
      h.cluster.payUsdc({
        from: customer,
        to: merchant.publicKey,
        amount: 12_500_000n,
        reference,
        createAccount: true,
      }),
    )
    const [block] = h.ledger.advance()
    const ata = h.cluster.usdcAccount(merchant.publicKey).toBase58()

    const { events } = await h.adapter.scanAccount(wallet, null)

    expect(events).toEqual([
      {
        network: 'solana',
        asset: 'USDC',
        contract: h.cluster.usdcMint.toBase58(),
        txHash: tx.signature,
        eventIndex: 2 * tx.message.accountKeys.indexOf(ata) + 1,
        from: customer.publicKey.toBase58(),
        to: wallet,
        reference: reference.toBase58(),
        amount: 12_500_000n,
        // One signature at the base fee of 5,000 lamports, paid by the customer's wallet.
        fee: 5_000n,
        blockRef: { number: block!.slot, hash: block!.blockhash },
        blockTime: block!.blockTime,
        status: 'pending',
      },
    ])
    expect(await h.adapter.watchedAddresses(wallet)).toEqual([wallet, ata])
    expect(await h.adapter.verify(tx.signature)).toEqual(events)
  })

  it('finds a USDC payment that names only the token account, not the wallet', async () => {
    const { merchant, customer, wallet } = actors()
    h.cluster.landed(
      h.cluster.payUsdc({ from: customer, to: merchant.publicKey, amount: 1n, createAccount: true }),
    )
    h.ledger.advance()
    const { cursor } = await h.adapter.scanAccount(wallet, null)
    const reference = newReference()
    const tx = h.cluster.landed(
      h.cluster.payUsdc({ from: customer, to: merchant.publicKey, amount: 7_000_000n, reference }),
    )
    h.ledger.advance()
    expect(tx.message.accountKeys).not.toContain(wallet)

    const { events } = await h.adapter.scanAccount(wallet, cursor)

    expect(events.map((e) => [e.txHash, e.asset, e.to, e.amount, e.reference])).toEqual([
      [tx.signature, 'USDC', wallet, 7_000_000n, reference.toBase58()],
    ])
  })

  it('reports a payment whose wallet dropped the reference as an event without one, for the merchant to assign', async () => {
    const { merchant, customer, wallet } = actors()
    const sol = h.cluster.landed(
      h.cluster.paySol({ from: customer, to: merchant.publicKey, lamports: 5_000_000n }),
    )
    const usdc = h.cluster.landed(
      h.cluster.payUsdc({ from: customer, to: merchant.publicKey, amount: 3_000_000n, createAccount: true }),
    )
    h.ledger.advance()

    const { events } = await h.adapter.scanAccount(wallet, null)

    expect(events.map((e) => [e.txHash, e.asset, e.amount])).toEqual([
      [sol.signature, 'SOL', 5_000_000n],
      [usdc.signature, 'USDC', 3_000_000n],
    ])
    for (const e of events) expect(e).not.toHaveProperty('reference')
  })

  it('takes the first of several references, and never a multisig co-signer', async () => {
    const { merchant, customer, wallet } = actors()
    const [ours, theirs] = [newReference(), newReference()]
    const tx = h.cluster.landed(
      h.cluster.paySol({ from: customer, to: merchant.publicKey, lamports: 10n, reference: [ours, theirs] }),
    )
    h.ledger.advance()

    // A signer among the extra accounts (as a multisig authority's co-signers are) is no reference.
    const cosigner = Keypair.generate()
    const ix = SystemProgram.transfer({
      fromPubkey: customer.publicKey,
      toPubkey: merchant.publicKey,
      lamports: 20,
    })
    ix.keys.push({ pubkey: cosigner.publicKey, isSigner: true, isWritable: false })
    ix.keys.push({ pubkey: theirs, isSigner: false, isWritable: false })
    const signed = h.cluster.landed(h.cluster.send(customer, [ix], [cosigner]))
    h.ledger.advance()

    const events = (await h.adapter.scanAccount(wallet, null)).events

    expect(events.map((e) => [e.txHash, e.reference])).toEqual([
      [tx.signature, ours.toBase58()],
      [signed.signature, theirs.toBase58()],
    ])
  })

  it('ignores payments to another wallet when scanning, while verify names their recipient', async () => {
    const { merchant, customer, wallet } = actors()
    const stranger = h.cluster.wallet()
    const elsewhere = h.cluster.landed(
      h.cluster.paySol({
        from: customer,
        to: stranger.publicKey,
        lamports: 9_000_000n,
        reference: newReference(),
      }),
    )
    h.cluster.landed(
      h.cluster.payUsdc({ from: customer, to: stranger.publicKey, amount: 9_000_000n, createAccount: true }),
    )
    const ours = h.cluster.landed(
      h.cluster.paySol({ from: customer, to: merchant.publicKey, lamports: 1_000n }),
    )
    h.ledger.advance()

    const { events } = await h.adapter.scanAccount(wallet, null)
    const verified = await h.adapter.verify(elsewhere.signature)

    expect(events.map((e) => e.txHash)).toEqual([ours.signature])
    expect(verified.map((e) => [e.to, e.amount])).toEqual([[stranger.publicKey.toBase58(), 9_000_000n]])
  })

  it('reports a failed payment as failed, with the amount it asked for and its reference', async () => {
    const { merchant, wallet } = actors()
    const poor = h.cluster.wallet({ sol: 1_000_000n })
    const reference = newReference()
    const tx = h.cluster.landed(
      h.cluster.paySol({ from: poor, to: merchant.publicKey, lamports: 5_000_000n, reference }),
    )
    h.ledger.advance()
    expect(tx.meta.err).toEqual({ InstructionError: [0, { Custom: 1 }] })

    const { events } = await h.adapter.scanAccount(wallet, null)

    expect(events).toEqual([
      expect.objectContaining({
        txHash: tx.signature,
        to: wallet,
        amount: 5_000_000n,
        reference: reference.toBase58(),
        // A failed transaction still pays its fee.
        fee: 5_000n,
        status: 'failed',
      }),
    ])
    expect(await h.adapter.verify(tx.signature)).toEqual(events)
  })

  it('keeps one event for a transaction submitted twice: the node refuses the copy, and reads agree', async () => {
    const { merchant, customer, wallet } = actors()
    const reference = newReference()
    const tx = h.cluster.landed(
      h.cluster.paySol({ from: customer, to: merchant.publicKey, lamports: 42n, reference }),
    )
    expect(h.ledger.submit(tx.wire)).toMatchObject({ landed: false, name: 'AlreadyProcessed' })
    h.ledger.advance()
    expect(h.ledger.submit(tx.wire)).toMatchObject({ landed: false })

    const first = await h.adapter.scanAccount(wallet, null)
    const again = await h.adapter.scanAccount(wallet, first.cursor)
    const verified = [await h.adapter.verify(tx.signature), await h.adapter.verify(tx.signature)]

    expect(first.events.map(identity)).toEqual([`${tx.signature}#${first.events[0]!.eventIndex}`])
    expect(again).toEqual({ events: [], cursor: first.cursor, more: false })
    expect(verified[0]).toEqual(first.events)
    expect(verified[1]).toEqual(first.events)
  })

  it('moves a payment from pending to confirmed when the finalized slot passes it', async () => {
    const { merchant, customer, wallet } = actors()
    h.ledger.finalityLag = 5n
    const tx = h.cluster.landed(
      h.cluster.paySol({ from: customer, to: merchant.publicKey, lamports: 1_000n }),
    )
    const [block] = h.ledger.advance()
    h.ledger.advance(3)

    const [pending] = (await h.adapter.scanAccount(wallet, null)).events
    const head = await h.adapter.head()

    expect(pending!.status).toBe('pending')
    expect(head.number).toBe(h.ledger.tip.slot)
    expect(head.hash).toBe(h.ledger.tip.blockhash)
    expect(head.finalized.number).toBeLessThan(block!.slot)
    expect(h.adapter.confirmations(pending!, head)).toBe(4)

    h.ledger.finalize(block!.slot)
    const later = await h.adapter.head()
    expect(later.finalized.number).toBeGreaterThanOrEqual(block!.slot)
    // Only 6 slots on top, but finalized: that is what 32 confirmations mean on Solana.
    expect(h.adapter.confirmations(pending!, later)).toBe(32)
    const [confirmed] = await h.adapter.verify(tx.signature)
    expect(confirmed).toEqual({ ...pending, status: 'confirmed' })
  })

  it('counts slots at the confirmed commitment when the configured confirmations are fewer', async () => {
    await h.close()
    h = await startSolanaHarness({ config: { confirmations: 1 } })
    const { merchant, customer } = actors()
    const tx = h.cluster.landed(
      h.cluster.paySol({ from: customer, to: merchant.publicKey, lamports: 1_000n }),
    )
    h.ledger.advance()

    const [event] = await h.adapter.verify(tx.signature)

    expect(event?.status).toBe('confirmed')
    expect(h.adapter.confirmations(event!, await h.adapter.head())).toBe(1)
    expect(h.adapter.confirmations({ ...event!, blockRef: undefined }, await h.adapter.head())).toBe(0)
  })

  it('reads a version 0 transaction, and balances beyond 2^53 lamports to the lamport', async () => {
    const merchant = h.cluster.wallet({ sol: 2n ** 60n })
    const customer = h.cluster.wallet()
    const tx = h.cluster.landed(
      h.cluster.paySol({ from: customer, to: merchant.publicKey, lamports: 3n, v0: true }),
    )
    h.ledger.advance()
    expect(tx.version).toBe(0)

    const { events } = await h.adapter.scanAccount(merchant.publicKey.toBase58(), null)

    expect(events.map((e) => e.amount)).toEqual([3n])
  })

  it('tells the block of a payment canonical, and a skipped slot or another hash not', async () => {
    const [block] = h.ledger.advance(1, { skip: 1 })
    h.ledger.advance()
    const ref = { number: block!.slot, hash: block!.blockhash }

    expect(await h.adapter.isCanonical(ref)).toBe(true)
    expect(await h.adapter.isCanonical({ ...ref, hash: h.ledger.tip.blockhash })).toBe(false)
    expect(await h.adapter.isCanonical({ number: block!.slot + 1n, hash: block!.blockhash })).toBe(false)
  })

  it('tells an unknown or only processed transaction from a malformed signature', async () => {
    const { merchant, customer } = actors()
    const processed = h.cluster.landed(
      h.cluster.paySol({ from: customer, to: merchant.publicKey, lamports: 1n }),
    )
    // A well-formed signature the node never saw: the same kind of transfer, signed but never sent.
    const unsent = new Transaction({
      feePayer: customer.publicKey,
      recentBlockhash: h.ledger.tip.blockhash,
    }).add(
      SystemProgram.transfer({ fromPubkey: customer.publicKey, toPubkey: merchant.publicKey, lamports: 2 }),
    )
    unsent.sign(customer)
    const unknown = base58.encode(unsent.signature!)

    await expect(h.adapter.verify(processed.signature)).rejects.toBeInstanceOf(TransactionNotFoundError)
    await expect(h.adapter.verify(unknown)).rejects.toMatchObject({ network: 'solana', txHash: unknown })
    const asked = h.node.requests.length
    // Eight more base58 digits always overflow 64 bytes (one more could still fit when the first byte is small).
    const tooLong = `${processed.signature}${'z'.repeat(8)}`
    for (const bad of ['', 'abc', '0'.repeat(88), tooLong, merchant.publicKey.toBase58()]) {
      await expect(h.adapter.verify(bad)).rejects.toBeInstanceOf(InvalidInputError)
    }
    expect(h.node.requests.length).toBe(asked)
  })

  it('refuses a bad wallet, a bad cursor and another wallet`s cursor', async () => {
    const { wallet } = actors()
    const other = h.cluster.wallet().publicKey.toBase58()
    h.cluster.paySol({ from: h.cluster.wallet(), to: new PublicKey(other), lamports: 1n })
    h.ledger.advance()
    const { cursor } = await h.adapter.scanAccount(other, null)

    await expect(h.adapter.scanAccount('not-a-key', null)).rejects.toBeInstanceOf(InvalidInputError)
    await expect(h.adapter.scanAccount(wallet, '{"v":9}')).rejects.toBeInstanceOf(InvalidInputError)
    await expect(h.adapter.scanAccount(wallet, cursor)).rejects.toBeInstanceOf(InvalidInputError)
    await expect(h.adapter.scanAccount(wallet, null, { limit: 0 })).rejects.toBeInstanceOf(InvalidInputError)
  })

  it('returns the cursor unchanged when nothing is new (null for an empty history)', async () => {
    const { merchant, customer, wallet } = actors()
    const empty = h.cluster.wallet().publicKey.toBase58()
    expect(await h.adapter.scanAccount(empty, null)).toEqual({ events: [], cursor: null, more: false })

    h.cluster.paySol({ from: customer, to: merchant.publicKey, lamports: BigInt(LAMPORTS_PER_SOL) })
    h.ledger.advance()
    const first = await h.adapter.scanAccount(wallet, null)
    h.ledger.advance(3)
    expect(await h.adapter.scanAccount(wallet, first.cursor)).toEqual({
      events: [],
      cursor: first.cursor,
      more: false,
    })
  })
})
