import { base64, base64url, hex } from '@scure/base'
import { InvalidInputError } from '../errors.js'
import type { NetworkMode } from '../registry/types.js'

const BOUNCEABLE = 0x11
const NON_BOUNCEABLE = 0x51
const TEST_ONLY = 0x80

/** A TON address in either form, decoded (TEP-2). Raw addresses carry no flags. */
export interface TonAddress {
  workchain: number
  /** 64 lowercase hex digits: the account id. */
  hash: string
  /** The canonical raw form "workchain:hash", used as the watch-set key. */
  raw: string
  bounceable?: boolean
  testOnly?: boolean
}

/** Decodes a raw ("0:…") or user-friendly (48 base64/base64url characters) TON address, checking its crc16. */
export function parseTonAddress(address: string): TonAddress {
  const raw = /^(-?\d{1,3}):([0-9a-fA-F]{64})$/.exec(address)
  if (raw) {
    const workchain = Number(raw[1])
    if (workchain < -128 || workchain > 127)
      throw new InvalidInputError(`TON workchain ${workchain} is out of range`)
    const hash = raw[2]!.toLowerCase()
    return { workchain, hash, raw: `${workchain}:${hash}` }
  }
  if (address.length !== 48 || !/^[A-Za-z0-9+/_-]+$/.test(address)) {
    throw new InvalidInputError('Not a TON address: expected "0:<64 hex>" or 48 base64 characters')
  }
  let bytes: Uint8Array
  try {
    bytes = /[-_]/.test(address) ? base64url.decode(address) : base64.decode(address)
  } catch (cause) {
    throw new InvalidInputError('Not a TON address: mixes base64 and base64url characters', { cause })
  }
  const tag = bytes[0]!
  const flags = tag & ~TEST_ONLY
  if (flags !== BOUNCEABLE && flags !== NON_BOUNCEABLE) {
    throw new InvalidInputError(`Not a TON address: unknown flags byte 0x${tag.toString(16)}`)
  }
  const expected = crc16(bytes.subarray(0, 34))
  if (expected !== ((bytes[34]! << 8) | bytes[35]!)) {
    throw new InvalidInputError('Invalid TON address checksum: a character was mistyped or lost')
  }
  const workchain = (bytes[1]! << 24) >> 24
  const hash = hex.encode(bytes.subarray(2, 34))
  return {
    workchain,
    hash,
    raw: `${workchain}:${hash}`,
    bounceable: flags === BOUNCEABLE,
    testOnly: (tag & TEST_ONLY) !== 0,
  }
}

/** The user-friendly form of a TON address (bounceable, mainnet, URL-safe unless told otherwise). */
export function toTonFriendlyAddress(
  address: string,
  {
    bounceable = true,
    testOnly = false,
    urlSafe = true,
  }: { bounceable?: boolean; testOnly?: boolean; urlSafe?: boolean } = {},
): string {
  const { workchain, hash } = parseTonAddress(address)
  const bytes = new Uint8Array(36)
  bytes[0] = (bounceable ? BOUNCEABLE : NON_BOUNCEABLE) | (testOnly ? TEST_ONLY : 0)
  bytes[1] = workchain & 0xff
  bytes.set(hex.decode(hash), 2)
  const crc = crc16(bytes.subarray(0, 34))
  bytes[34] = crc >> 8
  bytes[35] = crc & 0xff
  return urlSafe ? base64url.encode(bytes) : base64.encode(bytes)
}

/** The watch-set form of a TON address: raw "workchain:hex". A test-only address is refused in mainnet mode. */
export function normalizeTonAddress(address: string, mode?: NetworkMode): string {
  const parsed = parseTonAddress(address)
  if (mode === 'mainnet' && parsed.testOnly) {
    throw new InvalidInputError('This TON address is marked test-only; Coinbook is in mainnet mode')
  }
  return parsed.raw
}

/** CRC-16/XMODEM (polynomial 0x1021, initial value 0), the checksum of user-friendly TON addresses. */
function crc16(data: Uint8Array): number {
  let crc = 0
  for (const byte of data) {
    crc ^= byte << 8
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff
  }
  return crc
}
