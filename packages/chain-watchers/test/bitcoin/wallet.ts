import * as ecc from '@bitcoinerlab/secp256k1'
import { sha256 } from '@noble/hashes/sha2.js'
import * as bitcoin from 'bitcoinjs-lib'
import { Psbt, type Transaction } from 'bitcoinjs-lib'
import { ECPairFactory, type ECPairInterface } from 'ecpair'
import type { Coin, RegtestChain } from './chain.js'

bitcoin.initEccLib(ecc)
const ECPair = ECPairFactory(ecc)
const network = bitcoin.networks.regtest

export type ScriptKind = 'p2wpkh' | 'p2pkh' | 'p2sh-p2wpkh' | 'p2tr'
export const scriptKinds: ScriptKind[] = ['p2wpkh', 'p2pkh', 'p2sh-p2wpkh', 'p2tr']

/** One signing key and the output it controls. */
export interface WalletKey {
  kind: ScriptKind
  keyPair: ECPairInterface
  address: string
  script: Uint8Array
  /** p2sh-p2wpkh: the witness program the p2sh wraps. */
  redeemScript?: Uint8Array
  /** p2tr: the x-only internal key (BIP86, no script tree). */
  internalKey?: Uint8Array
}

export interface Payment {
  address: string
  value: bigint
}

export interface PayOptions {
  /** Script type of the coins to spend (default: any, p2wpkh first). */
  from?: ScriptKind
  /** Exact coins to spend instead of selecting. */
  coins?: Coin[]
  /** sat/vB (default 2). */
  feeRate?: bigint
  /** Where the change goes (default: the kind spent from, or p2wpkh). */
  changeTo?: ScriptKind
  /** Extra outputs with raw scripts (e.g. OP_RETURN) placed after the payments. */
  scripts?: { script: Uint8Array; value: bigint }[]
  /** Add to the chain's mempool (default true). */
  submit?: boolean
  /** Check every signature before finalising (default true; the bench turns it off for speed). */
  validate?: boolean
}

/** Deterministic test key: the same seed gives the same addresses in every run. */
export function testKey(kind: ScriptKind, seed: string): WalletKey {
  const keyPair = ECPair.fromPrivateKey(
    sha256(new TextEncoder().encode(`coinbook regtest ${seed} ${kind}`)),
    {
      network,
    },
  )
  const pubkey = keyPair.publicKey
  switch (kind) {
    case 'p2wpkh': {
      const p = bitcoin.payments.p2wpkh({ pubkey, network })
      return { kind, keyPair, address: p.address!, script: p.output! }
    }
    case 'p2pkh': {
      const p = bitcoin.payments.p2pkh({ pubkey, network })
      return { kind, keyPair, address: p.address!, script: p.output! }
    }
    case 'p2sh-p2wpkh': {
      const redeem = bitcoin.payments.p2wpkh({ pubkey, network })
      const p = bitcoin.payments.p2sh({ redeem, network })
      return { kind, keyPair, address: p.address!, script: p.output!, redeemScript: redeem.output! }
    }
    case 'p2tr': {
      const internalKey = bitcoin.toXOnly(pubkey)
      const p = bitcoin.payments.p2tr({ internalPubkey: internalKey, network })
      return { kind, keyPair, address: p.address!, script: p.output!, internalKey }
    }
  }
}

/** vbytes per input by type, and the fixed part, as wallets estimate them. */
const INPUT_VSIZE: Record<ScriptKind, bigint> = { p2wpkh: 68n, p2pkh: 148n, 'p2sh-p2wpkh': 91n, p2tr: 58n }

/**
 * A wallet over a RegtestChain holding one key per script type; it builds and signs real transactions
 * with bitcoinjs-lib's Psbt and hands them to the chain's mempool.
 */
export class TestWallet {
  readonly keys: Record<ScriptKind, WalletKey>
  private readonly byScript = new Map<string, WalletKey>()

  constructor(
    readonly chain: RegtestChain,
    readonly seed = 'wallet',
  ) {
    this.keys = {
      p2wpkh: testKey('p2wpkh', seed),
      p2pkh: testKey('p2pkh', seed),
      'p2sh-p2wpkh': testKey('p2sh-p2wpkh', seed),
      p2tr: testKey('p2tr', seed),
    }
    for (const key of Object.values(this.keys))
      this.byScript.set(Buffer.from(key.script).toString('hex'), key)
  }

  address(kind: ScriptKind): string {
    return this.keys[kind].address
  }

  /** Mature, unspent coins of one type (or all the wallet's types). */
  coins(kind?: ScriptKind): Coin[] {
    const kinds = kind ? [kind] : scriptKinds
    return kinds.flatMap((k) => this.chain.coinsFor(this.keys[k].script))
  }

  balance(kind?: ScriptKind): bigint {
    return this.coins(kind).reduce((sum, c) => sum + c.value, 0n)
  }

  /** Builds, signs and (by default) submits a transaction paying `payments`, with change back to us. */
  pay(payments: Payment[], opts: PayOptions = {}): Transaction {
    const feeRate = opts.feeRate ?? 2n
    const outputs = [
      ...payments.map((p) => ({
        script: bitcoin.address.toOutputScript(p.address, network),
        value: p.value,
      })),
      ...(opts.scripts ?? []),
    ]
    const changeKind = opts.changeTo ?? opts.from ?? 'p2wpkh'
    const changeScript = this.keys[changeKind].script
    const target = outputs.reduce((sum, o) => sum + o.value, 0n)
    const outputVsize = [...outputs, { script: changeScript }].reduce(
      (sum, o) => sum + 9n + BigInt(o.script.length),
      11n,
    )
    const selected: Coin[] = []
    let inputValue = 0n
    let fee = outputVsize * feeRate
    const candidates = opts.coins ?? this.coins(opts.from).sort((a, b) => (a.value > b.value ? -1 : 1))
    for (const coin of candidates) {
      if (opts.coins === undefined && inputValue >= target + fee) break
      selected.push(coin)
      inputValue += coin.value
      fee += INPUT_VSIZE[this.keyFor(coin).kind] * feeRate
    }
    if (inputValue < target + fee) {
      throw new Error(`wallet cannot pay ${target} sats + ${fee} fee: ${inputValue} available`)
    }

    const psbt = new Psbt({ network })
    for (const coin of selected) this.addInput(psbt, coin)
    for (const o of outputs) psbt.addOutput({ script: o.script, value: o.value })
    const change = inputValue - target - fee
    // Change below the dust limit is left to the miner, as Core's wallet does.
    if (change >= 546n) psbt.addOutput({ script: changeScript, value: change })
    selected.forEach((coin, i) => {
      psbt.signInput(i, this.signerFor(this.keyFor(coin)))
    })
    if (opts.validate !== false && !psbt.validateSignaturesOfAllInputs(verifySignature)) {
      throw new Error('a signature does not verify')
    }
    psbt.finalizeAllInputs()
    const tx = psbt.extractTransaction()
    if (opts.submit !== false) this.chain.submit(tx)
    return tx
  }

  /** Splits mature coins into `count` coins of `value` paying our own key of `kind`. */
  split(kind: ScriptKind, count: number, value: bigint, opts: PayOptions = {}): Transaction {
    const payments = Array.from({ length: count }, () => ({ address: this.keys[kind].address, value }))
    return this.pay(payments, opts)
  }

  private keyFor(coin: Coin): WalletKey {
    const key = this.byScript.get(coin.scriptHex)
    if (!key) throw new Error(`coin ${coin.txid}:${coin.vout} is not ours`)
    return key
  }

  private addInput(psbt: Psbt, coin: Coin) {
    const key = this.keyFor(coin)
    const base = { hash: coin.txid, index: coin.vout }
    const witnessUtxo = { script: coin.script, value: coin.value }
    switch (key.kind) {
      case 'p2pkh': {
        // Legacy inputs sign over the whole previous transaction (BIP174 non_witness_utxo).
        const prev = this.chain.knownTx(coin.txid)!
        psbt.addInput({ ...base, nonWitnessUtxo: prev.toBuffer() })
        return
      }
      case 'p2wpkh':
        psbt.addInput({ ...base, witnessUtxo })
        return
      case 'p2sh-p2wpkh':
        psbt.addInput({ ...base, witnessUtxo, redeemScript: key.redeemScript! })
        return
      case 'p2tr':
        psbt.addInput({ ...base, witnessUtxo, tapInternalKey: key.internalKey! })
        return
    }
  }

  private signerFor(key: WalletKey): bitcoin.Signer {
    if (key.kind !== 'p2tr') return key.keyPair
    // BIP86 key-path spend: sign with the key tweaked by the (empty) script tree's commitment.
    return key.keyPair.tweak(bitcoin.crypto.taggedHash('TapTweak', key.internalKey!))
  }
}

function verifySignature(pubkey: Uint8Array, msghash: Uint8Array, signature: Uint8Array): boolean {
  return pubkey.length === 32
    ? ecc.verifySchnorr(msghash, pubkey, signature.subarray(0, 64))
    : ecc.verify(msghash, pubkey, signature)
}
