import { base58 } from '@scure/base'

/** A node answer that does not have the shape the method promises; `path` says where (`meta.fee`). */
export class MalformedAnswer extends Error {
  override name = 'MalformedAnswer'
  constructor(
    readonly path: string,
    why: string,
  ) {
    super(`${path}: ${why}`)
  }
}

export type Json = Record<string, unknown>

export function object(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new MalformedAnswer(path, `expected an object, got ${describe(value)}`)
  }
  return value as Json
}

export function array(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new MalformedAnswer(path, `expected an array, got ${describe(value)}`)
  return value
}

/** Reads each element with `read`, naming its index in errors. */
export function arrayOf<T>(value: unknown, path: string, read: (v: unknown, path: string) => T): T[] {
  return array(value, path).map((v, i) => read(v, `${path}[${i}]`))
}

export function string(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new MalformedAnswer(path, `expected a string, got ${describe(value)}`)
  return value
}

/** A non-negative integer that fits a number exactly: indices, counts, Unix times, decimals. */
export function index(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new MalformedAnswer(path, `expected a non-negative integer, got ${describe(value)}`)
  }
  return value
}

/** A u64 (slot, lamports) as a bigint, from a JSON number or, beyond 2^53, the lossless parser's bigint. */
export function u64(value: unknown, path: string): bigint {
  if (typeof value === 'bigint' && value >= 0n && value < 2n ** 64n) return value
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return BigInt(value)
  throw new MalformedAnswer(path, `expected a u64, got ${describe(value)}`)
}

/** A u64 written as a decimal string (token amounts). */
export function u64String(value: unknown, path: string): bigint {
  if (typeof value !== 'string' || !/^\d{1,20}$/.test(value) || BigInt(value) >= 2n ** 64n) {
    throw new MalformedAnswer(path, `expected a u64 as a decimal string, got ${describe(value)}`)
  }
  return BigInt(value)
}

/** Base58 text of `bytes` bytes: 32 for keys and blockhashes, 64 for signatures. */
export function base58Of(value: unknown, path: string, bytes: 32 | 64): string {
  const text = string(value, path)
  if (!isBase58Of(text, bytes)) throw new MalformedAnswer(path, `expected base58 of ${bytes} bytes`)
  return text
}

export function isBase58Of(text: string, bytes: number): boolean {
  try {
    return base58.decode(text).length === bytes
  } catch {
    return false
  }
}

/** `read(value)`, or null when the value is null or absent. */
export function nullable<T>(value: unknown, path: string, read: (v: unknown, path: string) => T): T | null {
  return value === null || value === undefined ? null : read(value, path)
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'string') return value.length > 40 ? `"${value.slice(0, 40)}…"` : `"${value}"`
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return String(value)
  return typeof value
}
