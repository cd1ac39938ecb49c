import { getAddress } from 'viem'
import { describe, expect, it } from 'vitest'
import { InvalidInputError } from '../errors.js'
import { eip681NativeUri, eip681TransferUri, parseEip681, parseEip681Number } from './eip681.js'

// The two examples of EIP-681 (ERCS/erc-681.md).
const SPEC_NATIVE = 'ethereum:0xfb6916095ca1df60bb79Ce92ce3ea74c37c5d359?value=2.014e18'
const SPEC_TRANSFER =
  'ethereum:0x89205a3a3b2a69de6dbf7f01ed13b2108b2c43e7/transfer?address=0x8e23ee67d1332ad560396262c48ffbb01f93d052&uint256=1'

describe('parseEip681', () => {
  it("reads the spec's native payment of 2.014 ETH in scientific notation", () => {
    expect(parseEip681(SPEC_NATIVE)).toMatchObject({
      target: '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
      recipient: '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
      amount: 2_014_000_000_000_000_000n,
    })
  })

  it("reads the spec's ERC-20 transfer request", () => {
    expect(parseEip681(SPEC_TRANSFER)).toMatchObject({
      target: getAddress('0x89205a3a3b2a69de6dbf7f01ed13b2108b2c43e7'),
      functionName: 'transfer',
      recipient: getAddress('0x8e23ee67d1332ad560396262c48ffbb01f93d052'),
      amount: 1n,
    })
  })

  it('reads the chain id and the pay- prefix', () => {
    const parsed = parseEip681('ethereum:pay-0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359@56?value=1')
    expect(parsed).toMatchObject({ chainId: 56, amount: 1n })
  })
})

describe('eip681 builders', () => {
  it("writes the spec's transfer example (addresses in EIP-55 case) with the amount as an integer", () => {
    const uri = eip681TransferUri({
      token: '0x89205a3a3b2a69de6dbf7f01ed13b2108b2c43e7',
      recipient: '0x8e23ee67d1332ad560396262c48ffbb01f93d052',
      amount: 1n,
    })
    expect(uri.toLowerCase()).toBe(SPEC_TRANSFER.toLowerCase())
    expect(uri).toContain(getAddress('0x89205a3a3b2a69de6dbf7f01ed13b2108b2c43e7'))
  })

  it('writes the native value in wei as a plain integer that parses back to the spec amount', () => {
    const uri = eip681NativeUri({
      address: '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
      chainId: 1,
      value: 2_014_000_000_000_000_000n,
    })
    expect(uri).toBe('ethereum:0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359@1?value=2014000000000000000')
    expect(parseEip681(uri).amount).toBe(parseEip681(SPEC_NATIVE).amount)
  })

  it('round-trips token transfers with chain ids and 18-decimal amounts', () => {
    const uri = eip681TransferUri({
      token: '0x55d398326f99059fF775485246999027B3197955',
      recipient: '0x9858EfFD232B4033E47d90003D41EC34EcaEda94',
      chainId: 56,
      amount: 12_345_000_000_000_000_000n,
    })
    expect(parseEip681(uri)).toMatchObject({
      target: '0x55d398326f99059fF775485246999027B3197955',
      chainId: 56,
      functionName: 'transfer',
      recipient: '0x9858EfFD232B4033E47d90003D41EC34EcaEda94',
      amount: 12_345_000_000_000_000_000n,
    })
  })

  it('refuses a wrong checksum, a bad chain id and a non-positive amount', () => {
    expect(() => eip681NativeUri({ address: '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d35A' })).toThrow(
      InvalidInputError,
    )
    expect(() =>
      eip681NativeUri({ address: '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359', chainId: 0 }),
    ).toThrow(/chain id/)
    expect(() =>
      eip681NativeUri({ address: '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359', value: 0n }),
    ).toThrow(/positive/)
  })
})

describe('parseEip681Number', () => {
  it('reads integers and scientific notation exactly', () => {
    expect(parseEip681Number('2.014e18')).toBe(2_014_000_000_000_000_000n)
    expect(parseEip681Number('1E18')).toBe(10n ** 18n)
    expect(parseEip681Number('1.50e1')).toBe(15n)
    expect(parseEip681Number('+5')).toBe(5n)
    expect(
      parseEip681Number('115792089237316195423570985008687907853269984665640564039457584007913129639935'),
    ).toBe(2n ** 256n - 1n)
  })

  it('refuses numbers that are not integers or not numbers', () => {
    for (const text of ['1.5', '1.5e0', '2.0145e3', 'e5', '', '0x10', '1..2']) {
      expect(() => parseEip681Number(text)).toThrow(InvalidInputError)
    }
  })
})
