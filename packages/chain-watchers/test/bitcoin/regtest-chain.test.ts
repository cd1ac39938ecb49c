import * as ecc from '@bitcoinerlab/secp256k1'
import * as bitcoin from 'bitcoinjs-lib'
import { Block, Transaction } from 'bitcoinjs-lib'
import { describe, expect, it } from 'vitest'
import { REGTEST_GENESIS_HASH, RegtestChain, subsidy } from './chain.js'
import { fundedRegtest, strangerAddress } from './fixtures.js'
import { type ScriptKind, testKey } from './wallet.js'

const prevTxid = (hash: Uint8Array) => Buffer.from(hash).reverse().toString('hex')

describe('regtest chain builder', () => {
  it("starts from Bitcoin Core's regtest genesis block", () => {
    const chain = new RegtestChain(testKey('p2wpkh', 'miner').script)
    expect(chain.height).toBe(0)
    expect(chain.tip.hash).toBe(REGTEST_GENESIS_HASH)
  })

  it("mines blocks whose hash meets regtest's target and whose merkle roots and witness commitment check", () => {
    const { chain, wallet } = fundedRegtest()
    wallet.pay([{ address: strangerAddress('a'), value: 10_000n }])
    const [stored] = chain.mine(1)

    // Parsed back from the bytes a node would serve, not from the object that built them.
    const block = Block.fromBuffer(stored!.raw)
    expect(block.getId()).toBe(stored!.hash)
    expect(block.checkProofOfWork()).toBe(true)
    expect(block.bits).toBe(0x207fffff)
    expect(block.checkTxRoots()).toBe(true)
    expect(block.hasWitnessCommit()).toBe(true)
    expect(prevTxid(block.prevHash!)).toBe(chain.blockAt(stored!.height - 1)!.hash)
    // BIP34: the coinbase starts with the height.
    const [height] = bitcoin.script.decompile(block.transactions![0]!.ins[0]!.script)!
    expect(bitcoin.script.number.decode(height as Uint8Array)).toBe(stored!.height)
  })

  it('pays the subsidy plus the fees of the block to the miner', () => {
    const { chain, wallet } = fundedRegtest()
    const tx = wallet.pay([{ address: strangerAddress('a'), value: 10_000n }], { feeRate: 5n })
    const spent = tx.ins.reduce((s, i) => s + chain.knownTx(prevTxid(i.hash))!.outs[i.index]!.value, 0n)
    const fee = spent - sum(tx)
    const [stored] = chain.mine(1)
    expect(stored!.block.transactions![0]!.outs[0]!.value).toBe(subsidy(stored!.height) + fee)
    expect(fee).toBeGreaterThan(0n)
  })

  it('refuses an immature coinbase and an output already spent, as a node would', () => {
    const { chain, wallet } = fundedRegtest()
    const young = chain
      .coinsFor(wallet.keys.p2wpkh.script, { mature: false })
      .find((c) => c.height === chain.height)!
    expect(() => wallet.pay([{ address: strangerAddress('a'), value: 1_000n }], { coins: [young] })).toThrow(
      /premature-spend-of-coinbase/,
    )
    const coin = wallet.coins('p2wpkh')[0]!
    wallet.pay([{ address: strangerAddress('a'), value: 1_000n }], { coins: [coin] })
    expect(() => wallet.pay([{ address: strangerAddress('b'), value: 1_000n }], { coins: [coin] })).toThrow(
      /missingorspent/,
    )
  })

  it.each<ScriptKind>(['p2wpkh', 'p2pkh', 'p2sh-p2wpkh', 'p2tr'])(
    'signs %s inputs with signatures that verify against the sighash, checked independently',
    (kind) => {
      const { chain, wallet } = fundedRegtest()
      wallet.pay([{ address: wallet.address(kind), value: 1_000_000n }])
      chain.mine(1)
      const tx = wallet.pay([{ address: strangerAddress('a'), value: 5_000n }], { from: kind })
      const input = tx.ins[0]!
      const prevOut = chain.knownTx(prevTxid(input.hash))!.outs[input.index]!
      const key = wallet.keys[kind]

      if (kind === 'p2tr') {
        const [signature] = input.witness
        const hash = tx.hashForWitnessV1(0, [prevOut.script], [prevOut.value], Transaction.SIGHASH_DEFAULT)
        // Key path: the signature is by the output key, i.e. the x-only key in the scriptPubKey.
        expect(ecc.verifySchnorr(hash, prevOut.script.subarray(2), signature!)).toBe(true)
        return
      }
      const [signature, pubkey] =
        kind === 'p2pkh' ? (bitcoin.script.decompile(input.script) as Uint8Array[]) : input.witness
      const scriptCode = bitcoin.payments.p2pkh({ pubkey: pubkey! }).output!
      const hash =
        kind === 'p2pkh'
          ? tx.hashForSignature(0, prevOut.script, Transaction.SIGHASH_ALL)
          : tx.hashForWitnessV0(0, scriptCode, prevOut.value, Transaction.SIGHASH_ALL)
      const decoded = bitcoin.script.signature.decode(signature!)
      expect(decoded.hashType).toBe(Transaction.SIGHASH_ALL)
      expect(ecc.verify(hash, key.keyPair.publicKey, decoded.signature)).toBe(true)
      expect(Buffer.from(pubkey!).equals(Buffer.from(key.keyPair.publicKey))).toBe(true)
    },
  )

  it('reorgs: a longer competing branch replaces the tip and mines the old transactions again', () => {
    const { chain, wallet } = fundedRegtest()
    const tx = wallet.pay([{ address: strangerAddress('a'), value: 1_000n }])
    const [old] = chain.mine(1)

    const { orphaned, mined } = chain.reorg(1)

    expect(orphaned.map((b) => b.hash)).toEqual([old!.hash])
    expect(mined).toHaveLength(2)
    expect(mined[0]!.height).toBe(old!.height)
    expect(mined[0]!.hash).not.toBe(old!.hash)
    expect(chain.isActive(old!.hash)).toBe(false)
    expect(chain.blockByHash(old!.hash)).toBeDefined()
    expect(chain.lookupTx(tx.getId())?.block?.hash).toBe(mined[0]!.hash)
    expect(chain.mempool).toHaveLength(0)
  })

  it('reorgs without a transaction: left in the mempool, or dropped with its descendants', () => {
    const { chain, wallet } = fundedRegtest()
    const parent = wallet.pay([{ address: wallet.address('p2wpkh'), value: 1_000_000n }])
    const child = wallet.pay([{ address: strangerAddress('a'), value: 1_000n }], {
      coins: [chain.coin(parent.getId(), 0)!],
    })
    chain.mine(1)

    chain.reorg(1, { exclude: [parent.getId()] })
    expect(chain.mempool.map((t) => t.getId())).toEqual([parent.getId(), child.getId()])

    chain.mine(1)
    chain.reorg(2, { exclude: [parent.getId()], dropExcluded: true })
    expect(chain.mempool).toHaveLength(0)
    expect(chain.lookupTx(child.getId())).toBeUndefined()
    expect(chain.lookupStaleTx(child.getId())?.block.hash).toBeDefined()
  })
})

function sum(tx: Transaction): bigint {
  return tx.outs.reduce((s, o) => s + o.value, 0n)
}
