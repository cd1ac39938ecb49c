import { readFileSync } from 'node:fs'
import * as bitcoin from 'bitcoinjs-lib'
import { Block } from 'bitcoinjs-lib'
import { scanBlocks } from '../../src/adapters/bitcoin/scan.js'
import { resolveBitcoinConfig } from '../../src/adapters/bitcoin/config.js'
import { ScriptWatchSet } from '../../src/adapters/bitcoin/script-watch-set.js'
const raw = new Uint8Array(readFileSync('/tmp/bench-block.bin'))
const hash = Block.fromBuffer(raw).getId()
const context = resolveBitcoinConfig({ backend: 'esplora', mode: 'regtest', rpc: { urls: ['http://x'] } })
const backend: any = { kind: 'esplora', getTipHeight: async () => 103, getBlockHash: async () => hash, getBlock: async () => { const b = Block.fromBuffer(raw); b.getId(); return b } }
const watch = new ScriptWatchSet('regtest', { expected: 1_000_000 })
const rnd = (await import('node:crypto')).randomBytes(20 * 1_000_000)
for (let i = 0; i < 1_000_000; i++) watch.add(bitcoin.address.toBech32(rnd.subarray(i * 20, i * 20 + 20), 0, 'bcrt'))
const cpu = async (f: () => Promise<unknown>) => { const s = process.cpuUsage(); await f(); const d = process.cpuUsage(s); return (d.user + d.system) / 1000 }
const a: number[] = [], b: number[] = []
for (let r = 0; r < 40; r++) {
  a.push(await cpu(async () => Block.fromBuffer(raw)))
  b.push(await cpu(() => scanBlocks(backend, { context, from: 103n, to: 103n, watch })))
}
const med = (x: number[]) => x.sort((p, q) => p - q)[x.length >> 1]!
console.log('parse', med(a).toFixed(1), 'scan', med(b).toFixed(1))
