// Address encoders for the scan's hot loop, where every output of every block becomes a string to look up
// in the WatchSet. They give exactly what bitcoinjs' address.toBech32 / toBase58Check give (tests compare
// them on random programs) at a fraction of the cost: no allocation per word, the bech32 prefix's checksum
// state computed once, a single-block SHA-256, and base58 by divisions of 58^4.

const BECH32_CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l'
const BECH32_CONST = 1
const BECH32M_CONST = 0x2bc830a3

// BIP173's polymod, one 5-bit value at a time, unrolled over the generator.
function polymodStep(chk: number, value: number): number {
  const top = chk >> 25
  return (
    (((chk & 0x1ffffff) << 5) ^
      value ^
      (-(top & 1) & 0x3b6a57b2) ^
      (-((top >> 1) & 1) & 0x26508e6d) ^
      (-((top >> 2) & 1) & 0x1ea119fa) ^
      (-((top >> 3) & 1) & 0x3d4233dd) ^
      (-((top >> 4) & 1) & 0x2a1462b3)) >>>
    0
  )
}

const prefixStates = new Map<string, number>()

// The checksum state after the expanded human-readable part (BIP173), the same for every address.
function prefixState(hrp: string): number {
  let chk = prefixStates.get(hrp)
  if (chk !== undefined) return chk
  chk = 1
  for (let i = 0; i < hrp.length; i++) chk = polymodStep(chk, hrp.charCodeAt(i) >>> 5)
  chk = polymodStep(chk, 0)
  for (let i = 0; i < hrp.length; i++) chk = polymodStep(chk, hrp.charCodeAt(i) & 31)
  prefixStates.set(hrp, chk)
  return chk
}

const CHARSET_CODES = Uint16Array.from(BECH32_CHARSET, (c) => c.charCodeAt(0))
const codes = new Uint16Array(100)

/**
 * A segwit address: bech32 for version 0 (BIP173), bech32m above (BIP350), lowercase. The program is
 * `bytes[start..end)`, so a scan passes the output script itself without slicing it.
 */
export function encodeSegwitAddress(
  hrp: string,
  version: number,
  bytes: Uint8Array,
  start = 0,
  end = bytes.length,
): string {
  let chk = polymodStep(prefixState(hrp), version)
  let n = 0
  codes[n++] = CHARSET_CODES[version]!
  let acc = 0
  let bits = 0
  for (let i = start; i < end; i++) {
    acc = ((acc << 8) | bytes[i]!) & 0xfff
    bits += 8
    while (bits >= 5) {
      bits -= 5
      const word = (acc >>> bits) & 31
      chk = polymodStep(chk, word)
      codes[n++] = CHARSET_CODES[word]!
    }
  }
  if (bits > 0) {
    const word = (acc << (5 - bits)) & 31
    chk = polymodStep(chk, word)
    codes[n++] = CHARSET_CODES[word]!
  }
  for (let i = 0; i < 6; i++) chk = polymodStep(chk, 0)
  chk = (chk ^ (version === 0 ? BECH32_CONST : BECH32M_CONST)) >>> 0
  for (let i = 0; i < 6; i++) codes[n++] = CHARSET_CODES[(chk >>> (5 * (5 - i))) & 31]!
  return `${hrp}1${String.fromCharCode.apply(null, codes.subarray(0, n) as unknown as number[])}`
}

// SHA-256 of at most 55 bytes (one block), on preallocated words.
const K = Uint32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
])
const IV = Uint32Array.from([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
])
const W = new Uint32Array(64)
const H = new Uint32Array(8)

const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n))

/** Compresses the block in W[0..15] from the initial state into H. */
function compress(): void {
  for (let i = 16; i < 64; i++) {
    const w15 = W[i - 15]!
    const w2 = W[i - 2]!
    const s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3)
    const s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10)
    W[i] = (W[i - 16]! + s0 + W[i - 7]! + s1) | 0
  }
  let a = IV[0]!
  let b = IV[1]!
  let c = IV[2]!
  let d = IV[3]!
  let e = IV[4]!
  let f = IV[5]!
  let g = IV[6]!
  let h = IV[7]!
  for (let i = 0; i < 64; i++) {
    const t1 = (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i]! + W[i]!) | 0
    const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0
    h = g
    g = f
    f = e
    e = (d + t1) | 0
    d = c
    c = b
    b = a
    a = (t1 + t2) | 0
  }
  H[0] = IV[0]! + a
  H[1] = IV[1]! + b
  H[2] = IV[2]! + c
  H[3] = IV[3]! + d
  H[4] = IV[4]! + e
  H[5] = IV[5]! + f
  H[6] = IV[6]! + g
  H[7] = IV[7]! + h
}

/** The first four bytes of SHA-256(SHA-256(bytes[0..length))), big-endian in one number; length ≤ 55. */
function checksum(bytes: Uint8Array, length: number): number {
  W.fill(0, 0, 16)
  for (let i = 0; i < length; i++) W[i >>> 2]! |= bytes[i]! << (24 - 8 * (i & 3))
  W[length >>> 2]! |= 0x80 << (24 - 8 * (length & 3))
  W[15] = length * 8
  compress()
  // The second hash's input is the first digest: eight words, then the padding of 32 bytes.
  for (let i = 0; i < 8; i++) W[i] = H[i]!
  W[8] = 0x80000000
  W.fill(0, 9, 15)
  W[15] = 256
  compress()
  return H[0]!
}

const BASE58_CODES = Uint16Array.from('123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz', (c) =>
  c.charCodeAt(0),
)
const BASE58_4 = 58 ** 4
const payload = new Uint8Array(25)
// 25 bytes as 24-bit limbs, most significant first (the first limb holds one byte).
const limbs = new Float64Array(9)
const digits = new Uint8Array(40)

/** Base58Check of a version byte and the 20-byte hash at `bytes[start..start+20)` (P2PKH and P2SH). */
export function encodeBase58Check(version: number, bytes: Uint8Array, start = 0): string {
  payload[0] = version
  for (let i = 0; i < 20; i++) payload[i + 1] = bytes[start + i]!
  const sum = checksum(payload, 21)
  payload[21] = sum >>> 24
  payload[22] = (sum >>> 16) & 0xff
  payload[23] = (sum >>> 8) & 0xff
  payload[24] = sum & 0xff

  limbs[0] = payload[0]!
  for (let i = 1, j = 1; i < 25; i += 3, j++)
    limbs[j] = (payload[i]! << 16) | (payload[i + 1]! << 8) | payload[i + 2]!
  // Repeated division by 58^4, each giving four base58 digits, least significant first.
  let count = 0
  let top = 0
  while (top < 9) {
    let rem = 0
    for (let j = top; j < 9; j++) {
      const value = rem * 0x1000000 + limbs[j]!
      const q = Math.floor(value / BASE58_4)
      rem = value - q * BASE58_4
      limbs[j] = q
    }
    while (top < 9 && limbs[top] === 0) top++
    for (let k = 0; k < 4; k++) {
      digits[count++] = rem % 58
      rem = Math.floor(rem / 58)
    }
  }
  while (count > 0 && digits[count - 1] === 0) count--
  let n = 0
  // Each leading zero byte is a leading '1'.
  for (let i = 0; i < 25 && payload[i] === 0; i++) codes[n++] = BASE58_CODES[0]!
  for (let i = count - 1; i >= 0; i--) codes[n++] = BASE58_CODES[digits[i]!]!
  return String.fromCharCode.apply(null, codes.subarray(0, n) as unknown as number[])
}
