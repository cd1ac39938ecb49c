import { encodeFunctionData, erc20Abi, toEventSelector } from 'viem'
import { describe, expect, it } from 'vitest'
import { tronBase58ToHex } from '../../derive/tron.js'
import { parseTransferCall, parseTransferLog, transferTopic } from './trc20.js'

const usdt = 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t'
const customer = 'TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH'
/** The TVM's 20-byte form of a base58 address (the 41 dropped). */
const evm = (address: string) => tronBase58ToHex(address).slice(2)
const word = (address: string) => evm(address).padStart(64, '0')

describe('TRC-20 parsing', () => {
  it('uses the keccak of Transfer(address,address,uint256) without 0x, as java-tron prints topics', () => {
    expect(`0x${transferTopic}`).toBe(toEventSelector('Transfer(address,address,uint256)'))
  })

  it('reads a Transfer log with base58 addresses and a bigint amount', () => {
    const log = {
      topics: [transferTopic, word(usdt), word(customer)],
      data: (2n ** 200n).toString(16).padStart(64, '0'),
    }
    expect(parseTransferLog(log)).toEqual({ from: usdt, to: customer, amount: 2n ** 200n })
  })

  it('ignores TRC-721 transfers (token id indexed), other events and malformed words', () => {
    const data = '00'.repeat(32)
    expect(
      parseTransferLog({ topics: [transferTopic, word(usdt), word(customer), data], data: '' }),
    ).toBeUndefined()
    expect(parseTransferLog({ topics: ['00'.repeat(32), word(usdt), word(customer)], data })).toBeUndefined()
    expect(parseTransferLog({ topics: [transferTopic, word(usdt), 'zz'], data })).toBeUndefined()
    expect(
      parseTransferLog({ topics: [transferTopic, word(usdt), word(customer)], data: '01' }),
    ).toBeUndefined()
  })

  it('reads the recipient and amount of transfer and transferFrom call data', () => {
    const transfer = encodeFunctionData({
      abi: erc20Abi,
      functionName: 'transfer',
      args: [`0x${evm(customer)}`, 5n],
    })
    expect(parseTransferCall(transfer.slice(2), usdt)).toEqual({ from: usdt, to: customer, amount: 5n })
    const transferFrom = encodeFunctionData({
      abi: erc20Abi,
      functionName: 'transferFrom',
      args: [`0x${evm(usdt)}`, `0x${evm(customer)}`, 7n],
    })
    expect(parseTransferCall(transferFrom, customer)).toEqual({ from: usdt, to: customer, amount: 7n })
    const approve = encodeFunctionData({
      abi: erc20Abi,
      functionName: 'approve',
      args: [`0x${evm(customer)}`, 1n],
    })
    expect(parseTransferCall(approve.slice(2), usdt)).toBeUndefined()
    expect(parseTransferCall('a9059cbb1234', usdt)).toBeUndefined()
  })
})
