import {
  encodeAbiParameters,
  encodeFunctionData,
  erc20Abi,
  erc721Abi,
  getAddress,
  toEventSelector,
} from 'viem'
import { describe, expect, it } from 'vitest'
import { parseTransferCall, parseTransferLog, transferCallRecipient, transferTopic } from './erc20.js'

const from = '0x1111111111111111111111111111111111111111'
const to = getAddress('0xabcdef0123456789abcdef0123456789abcdef01')
const pad = (a: string) => `0x${a.slice(2).toLowerCase().padStart(64, '0')}`

describe('erc20 parsing', () => {
  it('uses the keccak of Transfer(address,address,uint256) as the topic', () => {
    expect(transferTopic).toBe(toEventSelector('Transfer(address,address,uint256)'))
  })

  it('reads an ERC-20 Transfer log with lowercase addresses and a bigint amount', () => {
    const data = encodeAbiParameters([{ type: 'uint256' }], [2n ** 255n + 1n])
    expect(parseTransferLog({ topics: [transferTopic, pad(from), pad(to)], data })).toEqual({
      from,
      to: to.toLowerCase(),
      amount: 2n ** 255n + 1n,
    })
  })

  it('ignores ERC-721 transfers (tokenId indexed) and other events', () => {
    expect(erc721Abi.some((e) => e.name === 'Transfer')).toBe(true)
    expect(
      parseTransferLog({ topics: [transferTopic, pad(from), pad(to), pad(from)], data: '0x' }),
    ).toBeUndefined()
    expect(
      parseTransferLog({ topics: [`0x${'00'.repeat(32)}`, pad(from), pad(to)], data: pad(from) }),
    ).toBeUndefined()
  })

  it('reads the recipient and amount of transfer and transferFrom calldata', () => {
    const transfer = encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [to, 5n] })
    expect(parseTransferCall(transfer, '0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF')).toEqual({
      from: '0xffffffffffffffffffffffffffffffffffffffff',
      to: to.toLowerCase(),
      amount: 5n,
    })
    const transferFrom = encodeFunctionData({
      abi: erc20Abi,
      functionName: 'transferFrom',
      args: [from, to, 7n],
    })
    expect(parseTransferCall(transferFrom, to)).toEqual({ from, to: to.toLowerCase(), amount: 7n })
    const approve = encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [to, 1n] })
    expect(parseTransferCall(approve, from)).toBeUndefined()
    expect(parseTransferCall('0xa9059cbb1234', from)).toBeUndefined()
    // The scan's cheap filter reads the same recipient, and nothing from other calls.
    expect(transferCallRecipient(transfer)).toBe(to.toLowerCase())
    expect(transferCallRecipient(transferFrom)).toBe(to.toLowerCase())
    expect(transferCallRecipient(approve)).toBeUndefined()
    expect(transferCallRecipient('0xa9059cbb1234')).toBeUndefined()
  })
})
