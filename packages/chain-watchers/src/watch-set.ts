import type { WatchSet } from './adapters/types.js'
import { InvalidInputError } from './errors.js'

/** Longest target accepted, in UTF-16 code units (addresses, references and memos are far shorter). */
export const MAX_TARGET_LENGTH = 1024

const EMPTY = 0
const TOMBSTONE = 0xffffffff
const MAX_LOAD = 0.75
const MIN_CAPACITY = 16
// Encodings, chosen from the string alone so equal strings always encode alike and unequal ones never do
// (each can be decoded back to its string, and the first byte says which one it is).
const LATIN1 = 0 // one byte per character
const HEX_TAIL = 1 // latin1 prefix + the bytes of a trailing lowercase hex run ("0x…", "0:…", tx hashes)
const UTF16 = 2 // two bytes per code unit, for anything else
const BECH32_TAIL = 3 // latin1 prefix up to the last "1" + 5 bits per data character (bc1…, tb1…, bcrt1…)
const MIN_PACKED_TAIL = 16
const BECH32_CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l'
const BECH32_VALUES = new Int8Array(128).fill(-1)
for (let v = 0; v < 32; v++) BECH32_VALUES[BECH32_CHARSET.charCodeAt(v)] = v
// Table lookups, not range tests: random hex digits make `c <= 57 ? … : …` mispredict every other character.
const HEX_VALUES = new Int8Array(256).fill(-1)
for (let v = 0; v < 16; v++) HEX_VALUES['0123456789abcdef'.charCodeAt(v)] = v

/**
 * An exact set of normalised targets (addresses from `normalizeAddress`, Solana Pay references, TON
 * memos) with O(1) `has`, compact enough for millions: entries live as bytes in one arena behind an
 * open-addressing table of 8 bytes per slot. Hex tails are packed 2 characters a byte and bech32 data
 * 5 bits a character, so a lowercase 0x address takes 25 bytes and a p2wpkh address 32. With 1,000,000
 * targets (bench/watch-set.bench.ts) this is about 53 MB for EVM addresses, 64 MB for p2wpkh and 82 MB
 * for p2tr, where a `Set<string>` takes 109, 109 and 133 MB.
 * `has` is exact (no false positives): the stored bytes are compared, not only a hash. Targets must be
 * normalised before they go in or are looked up; an EVM address in checksum case is another string.
 */
export class CompactWatchSet implements WatchSet, Iterable<string> {
  /** Slot i is table[2i] (arena offset + 1, EMPTY or TOMBSTONE) and table[2i+1] (its hash): one cache line. */
  private table: Uint32Array
  private capacity: number
  private arena: Uint8Array
  private arenaUsed = 0
  /** Arena bytes of deleted targets, reclaimed by the next rehash. */
  private garbage = 0
  private count = 0
  private tombstones = 0
  private readonly scratch = new Uint8Array(2 * MAX_TARGET_LENGTH + 4)
  private readonly seed = (Math.random() * 0x100000000) >>> 0

  /** `expected` presizes the table and arena so building a large set does not rehash on the way. */
  constructor(options: { expected?: number } = {}) {
    const expected = Math.max(0, options.expected ?? 0)
    this.capacity = capacityFor(expected)
    this.table = new Uint32Array(2 * this.capacity)
    this.arena = new Uint8Array(Math.max(1024, expected * 26))
  }

  /** A set holding every target of `targets`. */
  static from(targets: Iterable<string>, options: { expected?: number } = {}): CompactWatchSet {
    const set = new CompactWatchSet(options)
    for (const target of targets) set.add(target)
    return set
  }

  /** How many targets the set holds. */
  get size(): number {
    return this.count
  }

  /** Bytes held in typed arrays (the whole footprint, bar a few hundred bytes of object). */
  get byteLength(): number {
    return this.table.byteLength + this.arena.byteLength
  }

  /** Whether the set holds exactly this target. */
  has(target: string): boolean {
    const length = this.encode(target)
    return length >= 0 && this.find(length, this.hash(length)) >= 0
  }

  /** Adds a target; adding one already present changes nothing. */
  add(target: string): this {
    const length = this.encode(target)
    if (length < 0) throw new InvalidInputError(`Watch target longer than ${MAX_TARGET_LENGTH} characters`)
    const hash = this.hash(length)
    if (this.find(length, hash) >= 0) return this
    const full = this.count + this.tombstones + 1 > this.capacity * MAX_LOAD
    const arenaFull = this.arenaUsed + length + 2 > this.arena.length
    if (full || (arenaFull && this.garbage * 2 > this.arenaUsed)) this.rehash(this.count + 1)
    const offset = this.append(length)
    const mask = this.capacity - 1
    let i = hash & mask
    while (this.table[2 * i] !== EMPTY && this.table[2 * i] !== TOMBSTONE) i = (i + 1) & mask
    if (this.table[2 * i] === TOMBSTONE) this.tombstones--
    this.table[2 * i] = offset + 1
    this.table[2 * i + 1] = hash
    this.count++
    return this
  }

  /** Removes a target; returns whether it was there. */
  delete(target: string): boolean {
    const length = this.encode(target)
    if (length < 0) return false
    const slot = this.find(length, this.hash(length))
    if (slot < 0) return false
    this.garbage += (length < 0x80 ? 1 : 2) + length
    this.table[2 * slot] = TOMBSTONE
    this.count--
    this.tombstones++
    return true
  }

  /** Removes every target and gives the memory back. */
  clear(): void {
    this.capacity = MIN_CAPACITY
    this.table = new Uint32Array(2 * MIN_CAPACITY)
    this.arena = new Uint8Array(1024)
    this.arenaUsed = 0
    this.garbage = 0
    this.count = 0
    this.tombstones = 0
  }

  /** The targets, in no particular order. */
  *values(): IterableIterator<string> {
    for (let i = 0; i < this.capacity; i++) {
      const slot = this.table[2 * i]!
      if (slot !== EMPTY && slot !== TOMBSTONE) yield this.decode(slot - 1)
    }
  }

  [Symbol.iterator](): IterableIterator<string> {
    return this.values()
  }

  /** Writes the target's encoding to `scratch`; returns its length, or -1 if the target is too long. */
  private encode(target: string): number {
    return target.length > MAX_TARGET_LENGTH ? -1 : encodeTarget(target, this.scratch)
  }

  private decode(offset: number): string {
    const [length, start] = readLength(this.arena, offset)
    return decodeTarget(this.arena.subarray(start, start + length))
  }

  // FNV-1a over the encoding with a per-set seed, then murmur3's finaliser so low bits (the slot) mix well.
  private hash(length: number): number {
    let h = (0x811c9dc5 ^ this.seed) >>> 0
    const bytes = this.scratch
    for (let i = 0; i < length; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193)
    h ^= h >>> 16
    h = Math.imul(h, 0x85ebca6b)
    h ^= h >>> 13
    h = Math.imul(h, 0xc2b2ae35)
    h ^= h >>> 16
    return h >>> 0
  }

  /** The slot holding the encoding in `scratch`, or -1. */
  private find(length: number, hash: number): number {
    const mask = this.capacity - 1
    const table = this.table
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const slot = table[2 * i]!
      if (slot === EMPTY) return -1
      if (slot !== TOMBSTONE && table[2 * i + 1] === hash && this.equals(slot - 1, length)) return i
    }
  }

  private equals(offset: number, length: number): boolean {
    const arena = this.arena
    // readLength inlined: this runs on every lookup that meets a matching hash.
    const first = arena[offset]!
    const stored = first < 0x80 ? first : ((first & 0x7f) << 8) | arena[offset + 1]!
    if (stored !== length) return false
    const start = offset + (first < 0x80 ? 1 : 2)
    const scratch = this.scratch
    for (let i = 0; i < length; i++) if (arena[start + i] !== scratch[i]) return false
    return true
  }

  /** Copies the encoding in `scratch` to the arena behind a 1–2 byte length; returns its offset. */
  private append(length: number): number {
    const header = length < 0x80 ? 1 : 2
    this.reserve(header + length)
    const offset = this.arenaUsed
    if (header === 1) this.arena[offset] = length
    else {
      this.arena[offset] = 0x80 | (length >> 8)
      this.arena[offset + 1] = length & 0xff
    }
    this.arena.set(this.scratch.subarray(0, length), offset + header)
    this.arenaUsed += header + length
    return offset
  }

  private reserve(bytes: number): void {
    if (this.arenaUsed + bytes <= this.arena.length) return
    if (this.arenaUsed + bytes >= TOMBSTONE - 1) throw new RangeError('CompactWatchSet arena is full (4 GiB)')
    const grown = new Uint8Array(Math.max(this.arenaUsed + bytes, Math.floor(this.arena.length * 1.5)))
    grown.set(this.arena.subarray(0, this.arenaUsed))
    this.arena = grown
  }

  /** Rebuilds the table for `needed` entries, dropping tombstones and the arena bytes of deleted targets. */
  private rehash(needed: number): void {
    const old = this.table
    const oldCapacity = this.capacity
    const oldArena = this.arena
    // Leave room to grow (over a third of the slots free), or the next few adds would rehash again.
    let capacity = Math.max(capacityFor(needed), oldCapacity)
    if (needed > capacity * 0.625) capacity *= 2
    this.capacity = capacity
    this.table = new Uint32Array(2 * capacity)
    const live = this.arenaUsed - this.garbage
    this.arena = new Uint8Array(Math.max(1024, Math.floor(live * 1.25)))
    this.arenaUsed = 0
    this.garbage = 0
    const mask = capacity - 1
    for (let j = 0; j < oldCapacity; j++) {
      const slot = old[2 * j]!
      if (slot === EMPTY || slot === TOMBSTONE) continue
      const [length, start] = readLength(oldArena, slot - 1)
      const header = start - (slot - 1)
      this.reserve(header + length)
      const offset = this.arenaUsed
      this.arena.set(oldArena.subarray(slot - 1, start + length), offset)
      this.arenaUsed += header + length
      const hash = old[2 * j + 1]!
      let i = hash & mask
      while (this.table[2 * i] !== EMPTY) i = (i + 1) & mask
      this.table[2 * i] = offset + 1
      this.table[2 * i + 1] = hash
    }
    this.tombstones = 0
  }
}

function capacityFor(entries: number): number {
  let capacity = MIN_CAPACITY
  while (entries > capacity * MAX_LOAD) capacity *= 2
  return capacity
}

function readLength(arena: Uint8Array, offset: number): [length: number, start: number] {
  const first = arena[offset]!
  return first < 0x80 ? [first, offset + 1] : [((first & 0x7f) << 8) | arena[offset + 1]!, offset + 2]
}

/** Writes the encoding of `target` to `out` and returns its length (never 0). */
function encodeTarget(target: string, out: Uint8Array): number {
  return encodeHexTail(target, out) || encodeBech32Tail(target, out) || encodePlain(target, out)
}

function decodeTarget(bytes: Uint8Array): string {
  switch (bytes[0]) {
    case LATIN1:
      return String.fromCharCode(...bytes.subarray(1))
    case UTF16: {
      const units: number[] = []
      for (let i = 1; i < bytes.length; i += 2) units.push(bytes[i]! | (bytes[i + 1]! << 8))
      return String.fromCharCode(...units)
    }
    case HEX_TAIL: {
      let text = String.fromCharCode(...bytes.subarray(2, 2 + bytes[1]!))
      for (let i = 2 + bytes[1]!; i < bytes.length; i++) text += bytes[i]!.toString(16).padStart(2, '0')
      return text
    }
    default: {
      const prefixLength = bytes[1]!
      const count = bytes[2 + prefixLength]!
      const chars: number[] = []
      for (let k = 0; k < count; k++) {
        const bit = k * 5
        const pair =
          (bytes[3 + prefixLength + (bit >> 3)]! << 8) | (bytes[4 + prefixLength + (bit >> 3)] ?? 0)
        chars.push(BECH32_CHARSET.charCodeAt((pair >> (11 - (bit & 7))) & 31))
      }
      return String.fromCharCode(...bytes.subarray(2, 2 + prefixLength), ...chars)
    }
  }
}

/** Latin-1 bytes, or UTF-16 code units when a character does not fit in a byte. */
function encodePlain(target: string, out: Uint8Array): number {
  out[0] = LATIN1
  for (let i = 0; i < target.length; i++) {
    const c = target.charCodeAt(i)
    if (c > 0xff) return encodeUtf16(target, out)
    out[1 + i] = c
  }
  return 1 + target.length
}

function encodeUtf16(target: string, out: Uint8Array): number {
  out[0] = UTF16
  for (let i = 0; i < target.length; i++) {
    const c = target.charCodeAt(i)
    out[1 + 2 * i] = c & 0xff
    out[2 + 2 * i] = c >> 8
  }
  return 1 + 2 * target.length
}

/** "prefix" + an even run of lowercase hex at the end, as bytes; 0 when the run is too short. */
function encodeHexTail(target: string, out: Uint8Array): number {
  const n = target.length
  let start = n
  while (start > 0 && HEX_VALUES[target.charCodeAt(start - 1)]! >= 0) start--
  if ((n - start) % 2 === 1) start++
  if (n - start < MIN_PACKED_TAIL || start > 0xff) return 0
  for (let i = 0; i < start; i++) {
    const c = target.charCodeAt(i)
    if (c > 0xff) return 0
    out[2 + i] = c
  }
  out[0] = HEX_TAIL
  out[1] = start
  let o = 2 + start
  for (let i = start; i < n; i += 2) {
    out[o++] = (HEX_VALUES[target.charCodeAt(i)]! << 4) | HEX_VALUES[target.charCodeAt(i + 1)]!
  }
  return o
}

/** "hrp1" + bech32 data characters at 5 bits each; 0 when the string has no such tail. */
function encodeBech32Tail(target: string, out: Uint8Array): number {
  const n = target.length
  const start = target.lastIndexOf('1') + 1
  const count = n - start
  if (start === 0 || start > 0xff || count < MIN_PACKED_TAIL || count > 0xff) return 0
  for (let i = start; i < n; i++) {
    const c = target.charCodeAt(i)
    if (c > 127 || BECH32_VALUES[c]! < 0) return 0
  }
  for (let i = 0; i < start; i++) {
    const c = target.charCodeAt(i)
    if (c > 0xff) return 0
    out[2 + i] = c
  }
  out[0] = BECH32_TAIL
  out[1] = start
  out[2 + start] = count
  let o = 3 + start
  let acc = 0
  let bits = 0
  for (let i = start; i < n; i++) {
    acc = (acc << 5) | BECH32_VALUES[target.charCodeAt(i)]!
    bits += 5
    if (bits >= 8) {
      bits -= 8
      out[o++] = (acc >> bits) & 0xff
    }
  }
  if (bits > 0) out[o++] = (acc << (8 - bits)) & 0xff
  return o
}
