import * as bitcoin from 'bitcoinjs-lib'

const network = bitcoin.networks.regtest
const OPS = bitcoin.opcodes
const opName = new Map<number, string>()
for (const [name, code] of Object.entries(OPS))
  if (typeof code === 'number' && !opName.has(code)) opName.set(code, name)
opName.set(OPS.OP_0, 'OP_0')
opName.set(0xb1, 'OP_CHECKLOCKTIMEVERIFY')
opName.set(0xb2, 'OP_CHECKSEQUENCEVERIFY')

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex')

/** An output script's address on regtest, or undefined (OP_RETURN, bare multisig, non-standard). */
export function scriptAddress(script: Uint8Array): string | undefined {
  try {
    return bitcoin.address.fromOutputScript(script, network)
  } catch {
    return undefined
  }
}

type Kind = 'p2pk' | 'p2pkh' | 'p2sh' | 'p2wpkh' | 'p2wsh' | 'p2tr' | 'op_return' | 'empty' | 'unknown'

function kindOf(s: Uint8Array): Kind {
  if (s.length === 0) return 'empty'
  if (s[0] === OPS.OP_RETURN) return 'op_return'
  if (
    s.length === 25 &&
    s[0] === 0x76 &&
    s[1] === 0xa9 &&
    s[2] === 0x14 &&
    s[23] === 0x88 &&
    s[24] === 0xac
  ) {
    return 'p2pkh'
  }
  if (s.length === 23 && s[0] === 0xa9 && s[1] === 0x14 && s[22] === 0x87) return 'p2sh'
  if (s.length === 22 && s[0] === 0x00 && s[1] === 0x14) return 'p2wpkh'
  if (s.length === 34 && s[0] === 0x00 && s[1] === 0x20) return 'p2wsh'
  if (s.length === 34 && s[0] === 0x51 && s[1] === 0x20) return 'p2tr'
  if ((s.length === 35 && s[0] === 33) || (s.length === 67 && s[0] === 65)) {
    if (s[s.length - 1] === OPS.OP_CHECKSIG) return 'p2pk'
  }
  return 'unknown'
}

/** Esplora's `scriptpubkey_type` names. */
export function esploraScriptType(script: Uint8Array): string {
  const kind = kindOf(script)
  const names: Record<Kind, string> = {
    p2pk: 'p2pk',
    p2pkh: 'p2pkh',
    p2sh: 'p2sh',
    p2wpkh: 'v0_p2wpkh',
    p2wsh: 'v0_p2wsh',
    p2tr: 'v1_p2tr',
    op_return: 'op_return',
    empty: 'empty',
    unknown: 'unknown',
  }
  return names[kind]
}

/** Bitcoin Core's `scriptPubKey.type` names. */
export function coreScriptType(script: Uint8Array): string {
  const names: Record<Kind, string> = {
    p2pk: 'pubkey',
    p2pkh: 'pubkeyhash',
    p2sh: 'scripthash',
    p2wpkh: 'witness_v0_keyhash',
    p2wsh: 'witness_v0_scripthash',
    p2tr: 'witness_v1_taproot',
    op_return: 'nulldata',
    empty: 'nonstandard',
    unknown: 'nonstandard',
  }
  return names[kindOf(script)]
}

/** Bitcoin Core's inferred descriptor for an output script, with its checksum. */
export function coreDescriptor(script: Uint8Array): string {
  const kind = kindOf(script)
  const address = scriptAddress(script)
  let body: string
  if (kind === 'p2tr') body = `rawtr(${hex(script.subarray(2))})`
  else if (kind === 'p2pk') body = `pk(${hex(script.subarray(1, script.length - 1))})`
  else if (address) body = `addr(${address})`
  else body = `raw(${hex(script)})`
  return `${body}#${descriptorChecksum(body)}`
}

type Chunk = { op: number } | { data: Uint8Array; op: number }

function chunks(script: Uint8Array): Chunk[] | undefined {
  const out: Chunk[] = []
  let i = 0
  while (i < script.length) {
    const op = script[i++]!
    let len: number | undefined
    if (op > 0 && op < OPS.OP_PUSHDATA1) len = op
    else if (op === OPS.OP_PUSHDATA1) len = script[i++]
    else if (op === OPS.OP_PUSHDATA2) {
      len = script[i]! | (script[i + 1]! << 8)
      i += 2
    } else if (op === OPS.OP_PUSHDATA4) {
      len = (script[i]! | (script[i + 1]! << 8) | (script[i + 2]! << 16) | (script[i + 3]! << 24)) >>> 0
      i += 4
    }
    if (len === undefined) {
      out.push({ op })
      continue
    }
    if (i + len > script.length) return undefined
    out.push({ op, data: script.subarray(i, i + len) })
    i += len
  }
  return out
}

/** rust-bitcoin's asm, as Esplora shows it ("OP_0 OP_PUSHBYTES_20 ab…"). */
export function esploraAsm(script: Uint8Array): string {
  const parts = chunks(script)
  if (!parts) return `<push past end>`
  return parts
    .map((c) => {
      if ('data' in c) {
        const prefix =
          c.op < OPS.OP_PUSHDATA1
            ? `OP_PUSHBYTES_${c.op}`
            : c.op === OPS.OP_PUSHDATA1
              ? 'OP_PUSHDATA1'
              : c.op === OPS.OP_PUSHDATA2
                ? 'OP_PUSHDATA2'
                : 'OP_PUSHDATA4'
        return `${prefix} ${hex(c.data)}`
      }
      if (c.op === OPS.OP_0) return 'OP_0'
      if (c.op === OPS.OP_1NEGATE) return 'OP_PUSHNUM_NEG1'
      if (c.op >= OPS.OP_1 && c.op <= OPS.OP_16) return `OP_PUSHNUM_${c.op - OPS.OP_1 + 1}`
      return opName.get(c.op) ?? `OP_RETURN_${c.op}`
    })
    .join(' ')
}

/**
 * Bitcoin Core's ScriptToAsmStr: small numbers as decimals, pushes of up to 4 bytes as numbers, and
 * (for scriptSigs) signatures with their sighash type in brackets.
 */
export function coreAsm(script: Uint8Array, decodeSighash = false): string {
  const parts = chunks(script)
  if (!parts) return '[error]'
  return parts
    .map((c) => {
      if ('data' in c) {
        if (c.data.length <= 4) return String(scriptNum(c.data))
        if (decodeSighash && isDerSignature(c.data)) {
          const sighash = c.data[c.data.length - 1]!
          const name = SIGHASH_NAMES[sighash]
          if (name) return `${hex(c.data.subarray(0, -1))}[${name}]`
        }
        return hex(c.data)
      }
      if (c.op === OPS.OP_0) return '0'
      if (c.op === OPS.OP_1NEGATE) return '-1'
      if (c.op >= OPS.OP_1 && c.op <= OPS.OP_16) return String(c.op - OPS.OP_1 + 1)
      return opName.get(c.op) ?? 'OP_UNKNOWN'
    })
    .join(' ')
}

const SIGHASH_NAMES: Record<number, string> = {
  1: 'ALL',
  2: 'NONE',
  3: 'SINGLE',
  129: 'ALL|ANYONECANPAY',
  130: 'NONE|ANYONECANPAY',
  131: 'SINGLE|ANYONECANPAY',
}

function isDerSignature(b: Uint8Array): boolean {
  return b.length >= 9 && b.length <= 73 && b[0] === 0x30 && b[1] === b.length - 3
}

function scriptNum(b: Uint8Array): number {
  let n = 0
  for (let i = 0; i < b.length; i++) n += b[i]! * 2 ** (8 * i)
  const top = 2 ** (8 * b.length - 1)
  // The sign is the top bit of the last byte (CScriptNum, not two's complement).
  return n >= top ? -(n - top) : n
}

const INPUT_CHARSET =
  '0123456789()[],\'/*abcdefgh@:$%{}IJKLMNOPQRSTUVWXYZ&+-.;<=>?!^_|~ijklmnopqrstuvwxyzABCDEFGH`#"\\ '
const CHECKSUM_CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l'
const GENERATOR = [0xf5dee51989n, 0xa9fdca3312n, 0x1bab10e32dn, 0x3706b1677an, 0x644d626ffdn]

/** BIP380 descriptor checksum (`raw(deadbeef)` → `89f8spxm`). */
export function descriptorChecksum(desc: string): string {
  const polymod = (c: bigint, value: number) => {
    const top = c >> 35n
    let chk = ((c & 0x7ffffffffn) << 5n) ^ BigInt(value)
    for (let i = 0; i < 5; i++) if ((top >> BigInt(i)) & 1n) chk ^= GENERATOR[i]!
    return chk
  }
  let c = 1n
  let cls = 0
  let clsCount = 0
  for (const ch of desc) {
    const pos = INPUT_CHARSET.indexOf(ch)
    if (pos < 0) throw new Error(`invalid descriptor character ${ch}`)
    c = polymod(c, pos & 31)
    cls = cls * 3 + (pos >> 5)
    if (++clsCount === 3) {
      c = polymod(c, cls)
      cls = 0
      clsCount = 0
    }
  }
  if (clsCount > 0) c = polymod(c, cls)
  for (let i = 0; i < 8; i++) c = polymod(c, 0)
  c ^= 1n
  let out = ''
  for (let i = 0; i < 8; i++) out += CHECKSUM_CHARSET[Number((c >> BigInt(5 * (7 - i))) & 31n)]
  return out
}
