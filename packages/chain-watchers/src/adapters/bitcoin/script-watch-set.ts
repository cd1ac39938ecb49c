import type { Network } from 'bitcoinjs-lib'
import { bitcoinNetwork } from '../../derive/bitcoin-network.js'
import { InvalidInputError } from '../../errors.js'
import type { NetworkMode } from '../../registry/types.js'
import type { WatchSet } from '../types.js'
import { addressScript } from './output-address.js'

const EMPTY = 0
const TOMBSTONE = 0xffffffff
const MAX_LOAD = 0.75
const MAX_SCRIPT = 255

/** A watch set that can be asked by output script, which the Bitcoin scan prefers over addresses. */
export interface ScriptLookup {
  hasScript(script: Uint8Array): boolean
}

export function isScriptLookup(watch: WatchSet): watch is WatchSet & ScriptLookup {
  return typeof (watch as Partial<ScriptLookup>).hasScript === 'function'
}

/**
 * Bitcoin addresses held as the output scripts they stand for, so that a block scan looks each output up
 * by its bytes and encodes an address only for the outputs that match: no string is made for the other
 * 99.9%. A string-keyed WatchSet costs an address encoding (0.4 µs bech32, 1.6 µs base58) and a lookup per
 * output; this costs a hash of ~25 bytes. Entries live in one byte arena behind an open-addressing table
 * (about 40 MB for 1,000,000 addresses). `has(address)` works too, for callers holding addresses.
 */
export class ScriptWatchSet implements WatchSet, ScriptLookup {
  private readonly params: Network
  private slots: Uint32Array
  private hashes: Uint32Array
  private arena: Uint8Array
  private arenaUsed = 0
  private count = 0
  private tombstones = 0
  private readonly seed = (Math.random() * 0x100000000) >>> 0

  constructor(
    readonly mode: NetworkMode,
    options: { expected?: number } = {},
  ) {
    this.params = bitcoinNetwork(mode)
    const expected = Math.max(0, options.expected ?? 0)
    const capacity = capacityFor(expected)
    this.slots = new Uint32Array(capacity)
    this.hashes = new Uint32Array(capacity)
    this.arena = new Uint8Array(Math.max(1024, expected * 27))
  }

  /** A set of every address of `addresses`. */
  static from(
    mode: NetworkMode,
    addresses: Iterable<string>,
    options: { expected?: number } = {},
  ): ScriptWatchSet {
    const set = new ScriptWatchSet(mode, options)
    for (const a of addresses) set.add(a)
    return set
  }

  get size(): number {
    return this.count
  }

  /** Bytes held in typed arrays. */
  get byteLength(): number {
    return this.slots.byteLength + this.hashes.byteLength + this.arena.byteLength
  }

  /** Adds an address of the set's mode (any case for bech32); InvalidInputError for anything else. */
  add(address: string): this {
    const script = this.scriptOf(address)
    if (!script) throw new InvalidInputError(`Not a Bitcoin ${this.mode} address: ${address}`)
    const hash = this.hash(script)
    if (this.find(script, hash) >= 0) return this
    if (this.count + this.tombstones + 1 > this.slots.length * MAX_LOAD) this.rehash(this.count + 1)
    if (this.arenaUsed + script.length + 1 > this.arena.length) this.growArena(script.length + 1)
    const offset = this.arenaUsed
    this.arena[offset] = script.length
    this.arena.set(script, offset + 1)
    this.arenaUsed += script.length + 1
    const mask = this.slots.length - 1
    let i = hash & mask
    while (this.slots[i] !== EMPTY && this.slots[i] !== TOMBSTONE) i = (i + 1) & mask
    if (this.slots[i] === TOMBSTONE) this.tombstones--
    this.slots[i] = offset + 1
    this.hashes[i] = hash
    this.count++
    return this
  }

  /** Removes an address; true when it was there. Its bytes are reclaimed by the next rehash. */
  delete(address: string): boolean {
    const script = this.scriptOf(address)
    if (!script) return false
    const i = this.find(script, this.hash(script))
    if (i < 0) return false
    this.slots[i] = TOMBSTONE
    this.count--
    this.tombstones++
    return true
  }

  /** Whether the set holds this address (decoded to its script; any address of another network: false). */
  has(address: string): boolean {
    const script = this.scriptOf(address)
    return script !== undefined && this.find(script, this.hash(script)) >= 0
  }

  /** Whether an output with this script pays a watched address. No allocation. */
  hasScript(script: Uint8Array): boolean {
    return script.length <= MAX_SCRIPT && this.find(script, this.hash(script)) >= 0
  }

  private scriptOf(address: string): Uint8Array | undefined {
    const script = addressScript(address, this.params)
    return script && script.length <= MAX_SCRIPT ? script : undefined
  }

  // FNV-1a over the bytes, seeded per set so that crafted scripts cannot pile up in one chain.
  private hash(bytes: Uint8Array): number {
    let h = (0x811c9dc5 ^ this.seed) >>> 0
    for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193)
    return h >>> 0
  }

  private find(script: Uint8Array, hash: number): number {
    const mask = this.slots.length - 1
    const { arena } = this
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const slot = this.slots[i]!
      if (slot === EMPTY) return -1
      if (slot === TOMBSTONE || this.hashes[i] !== hash) continue
      const offset = slot - 1
      if (arena[offset] !== script.length) continue
      let same = true
      for (let k = 0; k < script.length; k++) {
        if (arena[offset + 1 + k] !== script[k]) {
          same = false
          break
        }
      }
      if (same) return i
    }
  }

  private growArena(needed: number) {
    const next = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + needed))
    next.set(this.arena.subarray(0, this.arenaUsed))
    this.arena = next
  }

  // Rebuilds the table for `atLeast` entries, dropping tombstones and the bytes of deleted entries.
  private rehash(atLeast: number) {
    const { slots, hashes, arena } = this
    const capacity = capacityFor(Math.max(atLeast, this.count * 2))
    this.slots = new Uint32Array(capacity)
    this.hashes = new Uint32Array(capacity)
    this.arena = new Uint8Array(Math.max(arena.length, 1024))
    this.arenaUsed = 0
    this.tombstones = 0
    const mask = capacity - 1
    for (let s = 0; s < slots.length; s++) {
      const slot = slots[s]!
      if (slot === EMPTY || slot === TOMBSTONE) continue
      const length = arena[slot - 1]!
      const offset = this.arenaUsed
      this.arena.set(arena.subarray(slot - 1, slot + length), offset)
      this.arenaUsed += length + 1
      let i = hashes[s]! & mask
      while (this.slots[i] !== EMPTY) i = (i + 1) & mask
      this.slots[i] = offset + 1
      this.hashes[i] = hashes[s]!
    }
  }
}

function capacityFor(entries: number): number {
  let capacity = 16
  while (capacity * MAX_LOAD < entries) capacity *= 2
  return capacity
}
