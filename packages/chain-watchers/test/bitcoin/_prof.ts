import { readFileSync } from 'node:fs'
import * as bitcoin from 'bitcoinjs-lib'
import { Block } from 'bitcoinjs-lib'
import { outputAddress } from '../../src/adapters/bitcoin/output-address.js'
import { CompactWatchSet } from '../../src/watch-set.js'
const params = bitcoin.networks.regtest
const raw = readFileSync('/tmp/bench-block.bin')
const watch = new CompactWatchSet({ expected: 1000 })
const plain = new Set<string>()
const cpu = (f: () => void) => { const s = process.cpuUsage(); f(); const d = process.cpuUsage(s); return ((d.user + d.system) / 1000).toFixed(1) + 'ms' }
for (let r = 0; r < 6; r++) {
  let block!: Block
  const parse = cpu(() => { block = Block.fromBuffer(raw) })
  const addrs: string[] = []
  const addr = cpu(() => { for (const tx of block.transactions!) for (const o of tx.outs) { const a = outputAddress(o.script, params); if (a) addrs.push(a) } })
  let hits = 0
  const has = cpu(() => { for (const a of addrs) if (watch.has(a)) hits++ })
  const hasSet = cpu(() => { for (const a of addrs) if (plain.has(a)) hits++ })
  console.log({ parse, addr, has, hasSet, n: addrs.length })
}
