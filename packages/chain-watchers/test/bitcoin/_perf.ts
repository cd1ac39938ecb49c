import { randomBytes } from 'node:crypto'
import * as bitcoin from 'bitcoinjs-lib'
import { ScriptWatchSet } from '../../src/adapters/bitcoin/script-watch-set.js'
import { CompactWatchSet } from '../../src/watch-set.js'
const N = 20000
const addrs = Array.from({ length: N }, (_, i) => i % 2 ? bitcoin.address.toBech32(randomBytes(20), 0, 'bcrt') : bitcoin.address.toBase58Check(randomBytes(20), 0x6f))
const cpu = (f: () => void) => { const s = process.cpuUsage(); f(); const d = process.cpuUsage(s); return ((d.user + d.system) / N).toFixed(2) + 'µs' }
for (let r = 0; r < 3; r++) {
  console.log('toOutputScript', cpu(() => { for (const a of addrs) bitcoin.address.toOutputScript(a, bitcoin.networks.regtest) }))
  console.log('script set add', cpu(() => { const s = new ScriptWatchSet('regtest'); for (const a of addrs) s.add(a) }))
  console.log('compact add', cpu(() => { const s = new CompactWatchSet(); for (const a of addrs) s.add(a) }))
}
