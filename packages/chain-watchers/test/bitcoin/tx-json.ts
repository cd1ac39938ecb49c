import type { Transaction } from 'bitcoinjs-lib'
import type { RegtestChain, StoredBlock } from './chain.js'
import {
  coreAsm,
  coreDescriptor,
  coreScriptType,
  esploraAsm,
  esploraScriptType,
  scriptAddress,
} from './script-describe.js'

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex')
const prevTxid = (hash: Uint8Array) => Buffer.from(hash).reverse().toString('hex')

/** A BTC amount that Core prints as a JSON number with exactly 8 decimals (ValueFromAmount). */
export class BtcAmount {
  constructor(readonly sats: bigint) {}
  toJSON(): string {
    const sign = this.sats < 0n ? '-' : ''
    const abs = this.sats < 0n ? -this.sats : this.sats
    return `\u0000${sign}${abs / 100_000_000n}.${(abs % 100_000_000n).toString().padStart(8, '0')}\u0000`
  }
}

/** JSON text in which BtcAmount values are bare numbers like 0.00010000, as Core writes them. */
export function coreJson(value: unknown): string {
  return JSON.stringify(value).replace(/"\\u0000(-?\d+\.\d{8})\\u0000"/g, '$1')
}

/** Regtest difficulty (bits 0x207fffff) against the 0x1d00ffff difficulty-1 target. */
export function difficulty(bits: number): number {
  const target = (b: number) => (b & 0x007fffff) * 2 ** (8 * ((b >>> 24) - 3))
  return target(0x1d00ffff) / target(bits)
}

export function bitsHex(bits: number): string {
  return bits.toString(16).padStart(8, '0')
}

export function targetHex(bits: number): string {
  const exponent = bits >>> 24
  const mantissa = BigInt(bits & 0x007fffff)
  return (mantissa << BigInt(8 * (exponent - 3))).toString(16).padStart(64, '0')
}

/** Every regtest block adds 2 to the chain work (2^256 / (target + 1) with target ≈ 2^255). */
export function chainworkHex(height: number): string {
  return (BigInt(height + 1) * 2n).toString(16).padStart(64, '0')
}

function fee(chain: RegtestChain, tx: Transaction): bigint | undefined {
  if (tx.isCoinbase()) return 0n
  let inputs = 0n
  for (const input of tx.ins) {
    const prev = chain.knownTx(prevTxid(input.hash))?.outs[input.index]
    if (!prev) return undefined
    inputs += prev.value
  }
  return inputs - tx.outs.reduce((sum, o) => sum + o.value, 0n)
}

// ---------------------------------------------------------------------------------------------- Esplora

function esploraOut(out: { script: Uint8Array; value: bigint }) {
  const address = scriptAddress(out.script)
  return {
    scriptpubkey: hex(out.script),
    scriptpubkey_asm: esploraAsm(out.script),
    scriptpubkey_type: esploraScriptType(out.script),
    ...(address ? { scriptpubkey_address: address } : {}),
    value: Number(out.value),
  }
}

/** Esplora's transaction status (`GET /tx/:txid/status`, and `status` inside `GET /tx/:txid`). */
export function esploraStatus(block: StoredBlock | undefined) {
  if (!block) return { confirmed: false }
  return {
    confirmed: true,
    block_height: block.height,
    block_hash: block.hash,
    block_time: block.block.timestamp,
  }
}

/** Esplora's transaction format (`GET /tx/:txid`), prevouts resolved from the chain. */
export function esploraTx(chain: RegtestChain, tx: Transaction, block: StoredBlock | undefined) {
  const coinbase = tx.isCoinbase()
  return {
    txid: tx.getId(),
    version: tx.version,
    locktime: tx.locktime,
    vin: tx.ins.map((input) => {
      const prev = coinbase ? undefined : chain.knownTx(prevTxid(input.hash))?.outs[input.index]
      return {
        txid: prevTxid(input.hash),
        vout: input.index,
        prevout: prev ? esploraOut(prev) : null,
        scriptsig: hex(input.script),
        scriptsig_asm: esploraAsm(input.script),
        ...(input.witness.length > 0 ? { witness: input.witness.map(hex) } : {}),
        is_coinbase: coinbase,
        sequence: input.sequence,
      }
    }),
    vout: tx.outs.map(esploraOut),
    size: tx.byteLength(),
    weight: tx.weight(),
    fee: Number(fee(chain, tx) ?? 0n),
    status: esploraStatus(block),
  }
}

/** Esplora's block format (`GET /block/:hash`). */
export function esploraBlock(stored: StoredBlock) {
  const { block } = stored
  return {
    id: stored.hash,
    height: stored.height,
    version: block.version,
    timestamp: block.timestamp,
    tx_count: stored.txids.length,
    size: stored.raw.length,
    weight: block.weight(),
    merkle_root: Buffer.from(block.merkleRoot!).reverse().toString('hex'),
    previousblockhash: stored.height === 0 ? null : Buffer.from(block.prevHash!).reverse().toString('hex'),
    mediantime: stored.medianTime,
    nonce: block.nonce,
    bits: block.bits,
    difficulty: difficulty(block.bits),
  }
}

// ------------------------------------------------------------------------------------------ Bitcoin Core

function coreScriptPubKey(script: Uint8Array) {
  const address = scriptAddress(script)
  return {
    asm: coreAsm(script),
    desc: coreDescriptor(script),
    hex: hex(script),
    ...(address ? { address } : {}),
    type: coreScriptType(script),
  }
}

export interface CoreTxOptions {
  /**
   * 'fee' adds the fee, 'prevout' also each input's prevout (getrawtransaction 2, getblock 3). Core reads
   * them from the block's undo data, so only a confirmed non-coinbase transaction gets them.
   */
  details?: 'fee' | 'prevout'
  includeHex: boolean
}

/** Bitcoin Core's TxToUniv: the decoded transaction of getrawtransaction and getblock. */
export function coreTx(chain: RegtestChain, tx: Transaction, opts: CoreTxOptions, block?: StoredBlock) {
  const coinbase = tx.isCoinbase()
  const undo = opts.details !== undefined && block !== undefined
  const withPrevout = undo && !coinbase && opts.details === 'prevout'
  const vin = tx.ins.map((input) => {
    const witness = input.witness.length > 0 ? { txinwitness: input.witness.map(hex) } : {}
    if (coinbase) return { coinbase: hex(input.script), ...witness, sequence: input.sequence }
    const prevTx = chain.knownTx(prevTxid(input.hash))
    const prev = prevTx?.outs[input.index]
    const prevBlock = prevTx ? chain.lookupTx(prevTxid(input.hash))?.block : undefined
    return {
      txid: prevTxid(input.hash),
      vout: input.index,
      scriptSig: { asm: coreAsm(input.script, true), hex: hex(input.script) },
      ...witness,
      ...(withPrevout && prev
        ? {
            prevout: {
              generated: prevTx!.isCoinbase(),
              height: prevBlock?.height ?? 0,
              value: new BtcAmount(prev.value),
              scriptPubKey: coreScriptPubKey(prev.script),
            },
          }
        : {}),
      sequence: input.sequence,
    }
  })
  // Core omits the fee of a coinbase.
  const txFee = undo && !coinbase ? fee(chain, tx) : undefined
  return {
    txid: tx.getId(),
    hash: Buffer.from(tx.getHash(true)).reverse().toString('hex'),
    version: tx.version,
    size: tx.byteLength(),
    vsize: tx.virtualSize(),
    weight: tx.weight(),
    locktime: tx.locktime,
    vin,
    vout: tx.outs.map((out, n) => ({
      value: new BtcAmount(out.value),
      n,
      scriptPubKey: coreScriptPubKey(out.script),
    })),
    ...(txFee !== undefined ? { fee: new BtcAmount(txFee) } : {}),
    ...(opts.includeHex ? { hex: tx.toHex() } : {}),
  }
}

/** Bitcoin Core's block header JSON (getblockheader, and the head of getblock). */
export function coreHeader(chain: RegtestChain, stored: StoredBlock) {
  const { block } = stored
  const active = chain.isActive(stored.hash)
  const next = active ? chain.blockAt(stored.height + 1) : undefined
  return {
    hash: stored.hash,
    confirmations: active ? chain.height - stored.height + 1 : -1,
    height: stored.height,
    version: block.version,
    versionHex: (block.version >>> 0).toString(16).padStart(8, '0'),
    merkleroot: Buffer.from(block.merkleRoot!).reverse().toString('hex'),
    time: block.timestamp,
    mediantime: stored.medianTime,
    nonce: block.nonce,
    bits: bitsHex(block.bits),
    target: targetHex(block.bits),
    difficulty: difficulty(block.bits),
    chainwork: chainworkHex(stored.height),
    nTx: stored.txids.length,
    ...(stored.height > 0
      ? { previousblockhash: Buffer.from(block.prevHash!).reverse().toString('hex') }
      : {}),
    ...(next ? { nextblockhash: next.hash } : {}),
  }
}

/** Bitcoin Core's getblock for verbosity 1 (txids), 2 (decoded transactions with fees) and 3 (prevouts). */
export function coreBlock(chain: RegtestChain, stored: StoredBlock, verbosity: 1 | 2 | 3) {
  const { block } = stored
  const txs = block.transactions!
  return {
    ...coreHeader(chain, stored),
    strippedsize: block.byteLength(false, false),
    size: stored.raw.length,
    weight: block.weight(),
    tx:
      verbosity === 1
        ? stored.txids
        : txs.map((tx) =>
            coreTx(chain, tx, { details: verbosity === 3 ? 'prevout' : 'fee', includeHex: true }, stored),
          ),
  }
}
