import { randomBytes } from 'node:crypto'
import * as bitcoin from 'bitcoinjs-lib'
import { describe, expect, it } from 'vitest'
import { encodeBase58Check, encodeSegwitAddress } from './address-encoding.js'

describe('address encoders', () => {
  it('encode segwit programs exactly as bitcoinjs does, bech32 and bech32m, for every prefix', () => {
    for (const hrp of ['bc', 'tb', 'bcrt']) {
      for (let i = 0; i < 500; i++) {
        const version = i % 3 === 0 ? 0 : i % 3 === 1 ? 1 : 2 + (i % 15)
        const length = version === 0 ? (i % 2 ? 20 : 32) : version === 1 ? 32 : 2 + (i % 39)
        const program = randomBytes(length)
        expect(encodeSegwitAddress(hrp, version, program)).toBe(
          bitcoin.address.toBech32(program, version, hrp),
        )
      }
    }
  })

  it('encode base58check exactly as bitcoinjs does, leading zeros included', () => {
    for (const version of [0x00, 0x05, 0x6f, 0xc4]) {
      for (let i = 0; i < 500; i++) {
        const hash = randomBytes(20)
        // Some hashes with leading zero bytes, which base58 writes as '1's after the version's.
        if (i % 10 === 0) hash.fill(0, 0, 1 + (i % 4))
        expect(encodeBase58Check(version, hash)).toBe(bitcoin.address.toBase58Check(hash, version))
      }
    }
    expect(encodeBase58Check(0x00, new Uint8Array(20))).toBe('1111111111111111111114oLvT2')
  })
})
