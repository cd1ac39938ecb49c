import { readFileSync } from 'node:fs'
import * as bitcoin from 'bitcoinjs-lib'
import { Block } from 'bitcoinjs-lib'
import { outputAddress } from '../../src/adapters/bitcoin/output-address.js'
const params = bitcoin.networks.regtest
const raw = readFileSync('/tmp/bench-block.bin')
const block = Block.fromBuffer(raw)
const scripts = block.transactions!.flatMap((t) => t.outs.map((o) => o.script))
const kinds = new Map<number, number>()
for (const s of scripts) kinds.set(s.length, (kinds.get(s.length) ?? 0) + 1)
console.log(kinds)
const cpu = (f: () => void) => { const s = process.cpuUsage(); f(); const d = process.cpuUsage(s); return ((d.user + d.system) / 1000).toFixed(1) + 'ms' }
for (let r = 0; r < 10; r++) console.log(cpu(() => { for (const s of scripts) outputAddress(s, params) }))
const by = (len: number) => scripts.filter((s) => s.length === len)
for (const len of [22, 34, 23, 25]) { const ss = by(len); for (let r = 0; r < 3; r++) console.log(len, ss.length, cpu(() => { for (let k = 0; k < 5; k++) for (const s of ss) outputAddress(s, params) })) }
