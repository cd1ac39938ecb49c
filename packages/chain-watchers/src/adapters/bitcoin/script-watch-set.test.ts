import { randomBytes } from 'node:crypto'
import * as bitcoin from 'bitcoinjs-lib'
import { describe, expect, it } from 'vitest'
import { customerAddresses } from '../../../test/bitcoin/fixtures.js'
import { InvalidInputError } from '../../errors.js'
import { isScriptLookup, ScriptWatchSet } from './script-watch-set.js'

const regtest = bitcoin.networks.regtest
const addresses = [
  ...customerAddresses('bip84', 2),
  ...customerAddresses('bip86', 2),
  ...customerAddresses('bip44', 2),
  ...customerAddresses('bip49', 2),
]

/** Regtest addresses of random p2wpkh and p2pkh hashes. */
function randomAddresses(count: number): string[] {
  return Array.from({ length: count }, (_, i) =>
    i % 2
      ? bitcoin.address.toBech32(randomBytes(20), 0, regtest.bech32)
      : bitcoin.address.toBase58Check(randomBytes(20), regtest.pubKeyHash),
  )
}

describe('ScriptWatchSet', () => {
  it('answers by address and by output script, for every address type', () => {
    const set = ScriptWatchSet.from('regtest', addresses)
    expect(set.size).toBe(addresses.length)
    for (const a of addresses) {
      expect(set.has(a)).toBe(true)
      expect(set.hasScript(bitcoin.address.toOutputScript(a, regtest))).toBe(true)
    }
    const [other] = customerAddresses('bip84', 1, 100)
    expect(set.has(other!)).toBe(false)
    expect(set.hasScript(bitcoin.address.toOutputScript(other!, regtest))).toBe(false)
    expect(set.hasScript(new Uint8Array(0))).toBe(false)
    expect(isScriptLookup(set)).toBe(true)
    expect(isScriptLookup(new Set<string>())).toBe(false)
  })

  it('treats an uppercase bech32 address as the same address', () => {
    const set = ScriptWatchSet.from('regtest', [addresses[0]!.toUpperCase()])
    expect(set.has(addresses[0]!)).toBe(true)
    expect(set.size).toBe(1)
  })

  it('refuses addresses of another network or none at all, and never finds them', () => {
    const set = new ScriptWatchSet('regtest')
    expect(() => set.add('bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4')).toThrow(InvalidInputError)
    expect(() => set.add('not an address')).toThrow(InvalidInputError)
    expect(set.has('bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4')).toBe(false)
  })

  it('keeps every entry through growth, deletions and rehashes', () => {
    const many = randomAddresses(3000)
    const set = new ScriptWatchSet('regtest')
    for (const a of many) set.add(a)
    for (const a of many.slice(0, 1500)) expect(set.delete(a)).toBe(true)
    expect(set.delete(many[0]!)).toBe(false)
    for (const a of randomAddresses(1000)) set.add(a)
    expect(set.size).toBe(2500)
    expect(many.slice(0, 1500).some((a) => set.has(a))).toBe(false)
    expect(many.slice(1500).every((a) => set.has(a))).toBe(true)
  })
})
