import * as ecc from '@bitcoinerlab/secp256k1'
import * as bitcoin from 'bitcoinjs-lib'
import { Block, Transaction } from 'bitcoinjs-lib'

bitcoin.initEccLib(ecc)

/** Bitcoin Core's regtest genesis block hash. */
export const REGTEST_GENESIS_HASH = '0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a11466e2206'
// The genesis coinbase ("The Times 03/Jan/2009 …"), the same on every chain.
const GENESIS_COINBASE_HEX =
  '01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff4d04ffff001d0104455468652054696d65732030332f4a616e2f32303039204368616e63656c6c6f72206f6e206272696e6b206f66207365636f6e64206261696c6f757420666f722062616e6b73ffffffff0100f2052a01000000434104678afdb0fe5548271967f1a67130b7105cd6a828e03909a67962e0ea1f61deb649f6bc3f4cef38c4f35504e51ec112de5c384df7ba0b8d578a4c702b6bf11d5fac00000000'

/** Regtest's proof-of-work limit: any hash below 0x7fffff·2^232 is a valid block. */
export const REGTEST_BITS = 0x207fffff
const HALVING_INTERVAL = 150
const WITNESS_COMMITMENT_HEADER = Uint8Array.from([0x6a, 0x24, 0xaa, 0x21, 0xa9, 0xed])

/** Regtest's genesis block, rebuilt from its parts (tests check its hash, which proves the encoding). */
export function regtestGenesis(): Block {
  const coinbase = Transaction.fromHex(GENESIS_COINBASE_HEX)
  const block = new Block()
  block.version = 1
  block.prevHash = new Uint8Array(32)
  block.timestamp = 1296688602
  block.bits = REGTEST_BITS
  block.nonce = 2
  block.transactions = [coinbase]
  block.merkleRoot = Block.calculateMerkleRoot([coinbase])
  return block
}

/** Regtest's block subsidy: 50 BTC halving every 150 blocks. */
export function subsidy(height: number): bigint {
  const halvings = Math.floor(height / HALVING_INTERVAL)
  return halvings >= 64 ? 0n : 5_000_000_000n >> BigInt(halvings)
}

export interface CoinbaseParameters {
  height: number
  /** Subsidy plus the block's fees. */
  value: bigint
  script: Uint8Array
  /** The block's other transactions, for the witness commitment. */
  txs: Transaction[]
  /** Extra nonce in the scriptSig, so competing branches' coinbases (and blocks) differ. */
  extraNonce: number
}

/** A coinbase with the BIP34 height and, when the block has segwit spends, the BIP141 commitment. */
export function coinbaseTransaction({
  height,
  value,
  script,
  txs,
  extraNonce,
}: CoinbaseParameters): Transaction {
  const coinbase = new Transaction()
  coinbase.version = 2
  const scriptSig = bitcoin.script.compile([
    bitcoin.script.number.encode(height),
    bitcoin.script.number.encode(extraNonce),
  ])
  coinbase.addInput(new Uint8Array(32), 0xffffffff, 0xffffffff, scriptSig)
  coinbase.addOutput(script, value)
  if (txs.some((tx) => tx.hasWitnesses())) {
    // The witness reserved value is 32 zero bytes; the commitment covers the wtxid merkle root.
    coinbase.setWitness(0, [new Uint8Array(32)])
    const commitment = Block.calculateMerkleRoot([coinbase, ...txs], true)
    coinbase.addOutput(Buffer.concat([WITNESS_COMMITMENT_HEADER, commitment]), 0n)
  }
  return coinbase
}

/** A block on `prevHash` with its merkle root set and its nonce ground until the hash meets the target. */
export function mineBlock(prevHash: Uint8Array, timestamp: number, txs: Transaction[]): Block {
  const block = new Block()
  block.version = 0x20000000
  block.prevHash = prevHash
  block.timestamp = timestamp
  block.bits = REGTEST_BITS
  block.transactions = txs
  block.merkleRoot = Block.calculateMerkleRoot(txs)
  block.witnessCommit = block.getWitnessCommit() ?? undefined
  block.nonce = 0
  while (!block.checkProofOfWork()) block.nonce++
  return block
}
