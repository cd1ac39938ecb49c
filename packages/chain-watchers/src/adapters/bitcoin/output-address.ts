import type { Network } from 'bitcoinjs-lib'
import { encodeBase58Check, encodeSegwitAddress } from './address-encoding.js'

/**
 * The address an output script pays, or undefined for scripts without one (OP_RETURN, bare multisig, P2PK,
 * non-standard). The same result as bitcoinjs' `address.fromOutputScript` (tests hold them together), but
 * matched on the script's bytes and encoded directly: fromOutputScript tries each payment type in turn and
 * throws on every miss (100–250 µs an output, several times a block's parse). Bech32 comes out lowercase
 * and base58 as it is, the forms a WatchSet holds.
 */
export function outputAddress(script: Uint8Array, params: Network): string | undefined {
  const n = script.length
  const op = script[0]!
  // Witness programs: OP_0 or OP_1..OP_16, then one push of 2..40 bytes (BIP141).
  if (n >= 4 && n <= 42 && script[1] === n - 2 && (op === 0x00 || (op >= 0x51 && op <= 0x60))) {
    const version = op === 0x00 ? 0 : op - 0x50
    if (version === 0)
      return n === 22 || n === 34 ? encodeSegwitAddress(params.bech32, 0, script, 2) : undefined
    // v1 is taproot only with a 32-byte key (a 2-byte v1 program is the P2A anchor, not an address).
    if (version === 1) return n === 34 ? encodeSegwitAddress(params.bech32, 1, script, 2) : undefined
    return encodeSegwitAddress(params.bech32, version, script, 2)
  }
  // OP_DUP OP_HASH160 <20> OP_EQUALVERIFY OP_CHECKSIG
  if (
    n === 25 &&
    op === 0x76 &&
    script[1] === 0xa9 &&
    script[2] === 0x14 &&
    script[23] === 0x88 &&
    script[24] === 0xac
  ) {
    return encodeBase58Check(params.pubKeyHash, script, 3)
  }
  // OP_HASH160 <20> OP_EQUAL
  if (n === 23 && op === 0xa9 && script[1] === 0x14 && script[22] === 0x87) {
    return encodeBase58Check(params.scriptHash, script, 2)
  }
  return undefined
}

const BECH32_CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l'
const BASE58_ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'

/**
 * The output script an address stands for, or undefined when it is not an address of `params`' network
 * (bad checksum, mixed-case bech32, unknown version). The inverse of outputAddress, and checked by it: the
 * bytes are read without their checksum, then encoded back, and must give the address again. About 20
 * times faster than bitcoinjs' toOutputScript, which matters when a million addresses load at start-up.
 */
export function addressScript(address: string, params: Network): Uint8Array | undefined {
  const lower = address.toLowerCase()
  const hrp = `${params.bech32}1`
  let script: Uint8Array | undefined
  if (lower.startsWith(hrp)) {
    // BIP173: all lowercase or all uppercase.
    if (address !== lower && address !== address.toUpperCase()) return undefined
    script = segwitScript(lower.slice(hrp.length))
    return script && outputAddress(script, params) === lower ? script : undefined
  }
  script = base58Script(address, params)
  return script && outputAddress(script, params) === address ? script : undefined
}

// The witness program of the data part (version, program, 6 checksum characters), unchecked.
function segwitScript(data: string): Uint8Array | undefined {
  if (data.length < 8) return undefined
  const version = BECH32_CHARSET.indexOf(data[0]!)
  if (version < 0 || version > 16) return undefined
  const program: number[] = []
  let acc = 0
  let bits = 0
  for (let i = 1; i < data.length - 6; i++) {
    const value = BECH32_CHARSET.indexOf(data[i]!)
    if (value < 0) return undefined
    acc = ((acc << 5) | value) & 0xfff
    bits += 5
    if (bits >= 8) {
      bits -= 8
      program.push((acc >>> bits) & 0xff)
    }
  }
  if (program.length < 2 || program.length > 40) return undefined
  return Uint8Array.from([version === 0 ? 0x00 : 0x50 + version, program.length, ...program])
}

// The P2PKH or P2SH script of a base58 payload (version, 20-byte hash, 4-byte checksum), unchecked.
function base58Script(address: string, params: Network): Uint8Array | undefined {
  if (address.length < 26 || address.length > 35) return undefined
  const bytes = new Uint8Array(25)
  for (let i = 0; i < address.length; i++) {
    let carry = BASE58_ALPHABET.indexOf(address[i]!)
    if (carry < 0) return undefined
    for (let j = 24; j >= 0; j--) {
      carry += bytes[j]! * 58
      bytes[j] = carry & 0xff
      carry >>>= 8
    }
    if (carry !== 0) return undefined
  }
  const hash = bytes.subarray(1, 21)
  if (bytes[0] === params.pubKeyHash) return Uint8Array.from([0x76, 0xa9, 0x14, ...hash, 0x88, 0xac])
  if (bytes[0] === params.scriptHash) return Uint8Array.from([0xa9, 0x14, ...hash, 0x87])
  return undefined
}
