import * as bitcoin from 'bitcoinjs-lib'
import { describe, expect, it, vi } from 'vitest'
import { ensureEccLib } from '../../derive/bitcoin-network.js'
import { addressScript, outputAddress } from './output-address.js'

ensureEccLib()
const hex = (s: string) => Uint8Array.from(Buffer.from(s, 'hex'))
const hash20 = hex('751e76e8199196d454941c45d1b3a323f1433bd6')
const hash32 = hex('79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798')
const pubkey = hex('0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798')

const scripts: Record<string, Uint8Array> = {
  p2pkh: bitcoin.payments.p2pkh({ hash: hash20 }).output!,
  p2sh: bitcoin.payments.p2sh({ hash: hash20 }).output!,
  p2wpkh: bitcoin.payments.p2wpkh({ hash: hash20 }).output!,
  p2wsh: bitcoin.payments.p2wsh({ hash: hash32 }).output!,
  p2tr: bitcoin.payments.p2tr({ pubkey: hash32 }).output!,
  'witness v2': hex(`5210${'ab'.repeat(16)}`),
  'P2A anchor': hex('51024e73'),
  OP_RETURN: bitcoin.payments.embed({ data: [hash20] }).output!,
  p2pk: bitcoin.payments.p2pk({ pubkey }).output!,
  'bare multisig': bitcoin.payments.p2ms({ m: 1, pubkeys: [pubkey] }).output!,
  empty: new Uint8Array(0),
  'v0 with a 21-byte program': hex(`0015${'00'.repeat(21)}`),
  'p2pkh missing OP_CHECKSIG': hex(`76a914${'00'.repeat(20)}88`),
}

describe('outputAddress', () => {
  it.each(Object.entries(bitcoin.networks))(
    'gives what bitcoinjs fromOutputScript gives on %s',
    (_, params) => {
      // bitcoinjs warns once about future segwit versions; the warning is not what is tested.
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
      for (const [name, script] of Object.entries(scripts)) {
        let expected: string | undefined
        try {
          expected = bitcoin.address.fromOutputScript(script, params)
        } catch {
          expected = undefined
        }
        expect([name, outputAddress(script, params)]).toEqual([name, expected])
      }
      warn.mockRestore()
    },
  )

  it('encodes the BIP173 and BIP350 examples', () => {
    expect(outputAddress(scripts.p2wpkh!, bitcoin.networks.bitcoin)).toBe(
      'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4',
    )
    expect(outputAddress(scripts.p2tr!, bitcoin.networks.bitcoin)).toBe(
      'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0',
    )
    expect(outputAddress(scripts.p2wpkh!, bitcoin.networks.regtest)).toBe(
      'bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080',
    )
  })

  it('has no address for data, bare keys and non-standard scripts', () => {
    for (const name of ['OP_RETURN', 'p2pk', 'bare multisig', 'empty', 'P2A anchor']) {
      expect(outputAddress(scripts[name]!, bitcoin.networks.bitcoin)).toBeUndefined()
    }
  })
})

describe('addressScript', () => {
  it.each(Object.entries(bitcoin.networks))(
    'gives what bitcoinjs toOutputScript gives on %s',
    (_, params) => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
      for (const [name, script] of Object.entries(scripts)) {
        const address = outputAddress(script, params)
        if (!address) continue
        expect([name, Buffer.from(addressScript(address, params)!).toString('hex')]).toEqual([
          name,
          Buffer.from(bitcoin.address.toOutputScript(address, params)).toString('hex'),
        ])
        expect(addressScript(address.toUpperCase(), params)).toEqual(
          address.startsWith(params.bech32) ? script : undefined,
        )
      }
      warn.mockRestore()
    },
  )

  it('refuses a bad checksum, mixed case, another network and garbage', () => {
    const good = 'bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080'
    expect(addressScript(good, bitcoin.networks.regtest)).toEqual(scripts.p2wpkh)
    for (const bad of [
      'bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt081',
      'bcrt1Qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080',
      'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4',
      '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2',
      'mkpZhYtJu2r87Js3pDiWJDmPte2NRZ8bJW',
      '',
      '0OIl',
    ]) {
      expect([bad, addressScript(bad, bitcoin.networks.regtest)]).toEqual([bad, undefined])
    }
    expect(addressScript('mkpZhYtJu2r87Js3pDiWJDmPte2NRZ8bJV', bitcoin.networks.regtest)?.length).toBe(25)
  })
})
