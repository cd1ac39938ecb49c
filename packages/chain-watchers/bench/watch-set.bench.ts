// Builds watch sets of 1,000,000 targets and prints build time, memory and lookups per second, against
// a plain Set<string> as the baseline. Run from packages/chain-watchers:
//   node --expose-gc --import tsx bench/watch-set.bench.ts [count]
import { CompactWatchSet } from '../src/watch-set.js'

const COUNT = Number(process.argv[2] ?? 1_000_000)
const LOOKUPS = 1_000_000
const BUDGET_MB = 150
const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l'
const HEX = '0123456789abcdef'

interface Kind {
  name: string
  /** The i-th target of the kind, the same on every call (so present and absent lookups can be made). */
  make: (i: number) => string
}

// A small seeded generator: targets are made on the fly so that only the set under test holds them.
function mix(i: number, k: number): number {
  let h = Math.imul(i ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(k + 1, 0xc2b2ae35)
  h ^= h >>> 15
  h = Math.imul(h, 0x2c1b3c6d)
  h ^= h >>> 12
  h = Math.imul(h, 0x297a2d39)
  return (h ^ (h >>> 15)) >>> 0
}

// Built from char codes in one go: `out += c` would make rope strings, far bigger and slower than the
// flat strings a database driver or JSON parser hands over.
function randomText(i: number, length: number, alphabet: string): string {
  const codes = new Array<number>(length)
  for (let k = 0; k < length; k++) codes[k] = alphabet.charCodeAt(mix(i, k) % alphabet.length)
  return String.fromCharCode(...codes)
}

const kinds: Kind[] = [
  { name: 'EVM 0x lowercase (42 chars)', make: (i) => `0x${randomText(i, 40, HEX)}` },
  { name: 'bech32 p2wpkh (42 chars)', make: (i) => `bc1q${randomText(i, 38, BECH32)}` },
  { name: 'bech32m p2tr (62 chars)', make: (i) => `bc1p${randomText(i, 58, BECH32)}` },
]

interface Candidate {
  name: string
  build: (kind: Kind) => { has(t: string): boolean; size: number }
}

const candidates: Candidate[] = [
  {
    name: 'CompactWatchSet',
    build: (kind) => {
      const set = new CompactWatchSet()
      for (let i = 0; i < COUNT; i++) set.add(kind.make(i))
      return set
    },
  },
  {
    name: 'Set<string>',
    build: (kind) => {
      const set = new Set<string>()
      for (let i = 0; i < COUNT; i++) set.add(kind.make(i))
      return set
    },
  },
]

function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc
  if (!collect) throw new Error('run node with --expose-gc')
  collect()
  collect()
}

function memory(): number {
  const m = process.memoryUsage()
  return m.heapUsed + m.arrayBuffers
}

const mb = (bytes: number) => (bytes / 1e6).toFixed(1)

function run(candidate: Candidate, kind: Kind): string {
  // Lookups: half present (spread over the whole set), half absent (indexes beyond COUNT).
  const queries = Array.from({ length: LOOKUPS }, (_, q) =>
    kind.make(q % 2 === 0 ? mix(q, 99) % COUNT : COUNT + q),
  )
  gc()
  const before = memory()
  const started = performance.now()
  const set = candidate.build(kind)
  const buildMs = performance.now() - started
  gc()
  const used = memory() - before
  let found = 0
  const lookupStarted = performance.now()
  for (const q of queries) if (set.has(q)) found++
  const lookupMs = performance.now() - lookupStarted
  if (set.size !== COUNT || found !== LOOKUPS / 2) throw new Error(`${candidate.name} lost targets`)
  const verdict = used <= BUDGET_MB * 1e6 ? 'ok' : 'OVER'
  return [
    candidate.name.padEnd(16),
    kind.name.padEnd(28),
    `build ${(buildMs / 1000).toFixed(2)} s`.padEnd(14),
    `memory ${mb(used)} MB (${verdict})`.padEnd(24),
    `${(((LOOKUPS / lookupMs) * 1000) / 1e6).toFixed(2)} M lookups/s`,
  ].join('  ')
}

console.log(
  `watch set: ${COUNT.toLocaleString('en')} targets, ${LOOKUPS.toLocaleString('en')} lookups (half hits), budget ${BUDGET_MB} MB`,
)
console.log(
  `node ${process.version}; memory = heapUsed + arrayBuffers after gc, less the same before building`,
)
for (const kind of kinds) {
  // Build times include making each target string; this is that share, to subtract.
  const started = performance.now()
  let length = 0
  for (let i = 0; i < COUNT; i++) length += kind.make(i).length
  const makeMs = performance.now() - started
  console.log(
    `${''.padEnd(16)}  ${kind.name.padEnd(28)}  making the strings alone: ${(makeMs / 1000).toFixed(2)} s (${length} chars)`,
  )
  for (const candidate of candidates) console.log(run(candidate, kind))
}
