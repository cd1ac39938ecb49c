import { describe, expect, it } from 'vitest'
import { MalformedAnswerError, readBlock, readTransaction, readTransactionInfo } from './wire.js'

const id = (n: number) => n.toString(16).padStart(16, '0') + 'ab'.repeat(24)
const transfer = {
  ret: [{ contractRet: 'SUCCESS' }],
  txID: 'cd'.repeat(32),
  raw_data: {
    contract: [
      {
        parameter: {
          value: {
            owner_address: '41a614f803b6fd780986a42c78ec9c7f77e6ded13c',
            to_address: 'TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH',
            amount: '90071992547409930',
          },
          type_url: 'type.googleapis.com/protocol.TransferContract',
        },
        type: 'TransferContract',
      },
    ],
  },
}

describe('java-tron JSON', () => {
  it('reads the genesis block, whose number, timestamp and transactions JsonFormat leaves out', () => {
    const genesis = {
      blockID: id(0),
      block_header: { raw_data: { parentHash: 'ef'.repeat(32), txTrieRoot: '00'.repeat(32) } },
    }
    expect(readBlock(genesis)).toEqual({
      id: id(0),
      number: 0n,
      parentHash: 'ef'.repeat(32),
      timestamp: 0,
      transactions: [],
    })
  })

  it('reads a TransferContract with a large amount and either address form', () => {
    expect(readTransaction(transfer)).toEqual({
      txID: 'cd'.repeat(32),
      contract: {
        type: 'TransferContract',
        owner: '41a614f803b6fd780986a42c78ec9c7f77e6ded13c',
        to: '41c8599111f29c1e1e061265b4af93ea1f274ad78a',
        amount: 90_071_992_547_409_930n,
      },
      contractRet: 'SUCCESS',
    })
    // Not yet in a block: no ret.
    expect(readTransaction({ ...transfer, ret: undefined }).contractRet).toBeUndefined()
    expect(
      readTransaction({
        ...transfer,
        raw_data: { contract: [{ ...transfer.raw_data.contract[0], type: 'FreezeBalanceV2Contract' }] },
      }).contract,
    ).toEqual({
      type: 'other',
      name: 'FreezeBalanceV2Contract',
    })
  })

  it('reads a TransactionInfo with defaults left out and logs addressed in 20 bytes', () => {
    expect(
      readTransactionInfo({
        id: 'cd'.repeat(32),
        blockNumber: 5,
        blockTimeStamp: 1_000,
        contractResult: [''],
      }),
    ).toEqual({
      id: 'cd'.repeat(32),
      blockNumber: 5n,
      blockTimeStamp: 1_000,
      result: undefined,
      receiptResult: undefined,
      // JsonFormat leaves a zero fee out.
      fee: 0n,
      logs: [],
    })
    expect(readTransactionInfo({ id: 'cd'.repeat(32), fee: 6_428_500 }).fee).toBe(6_428_500n)
    expect(() => readTransactionInfo({ id: 'cd'.repeat(32), fee: -1 })).toThrow(/fee/)
    const info = readTransactionInfo({
      id: 'cd'.repeat(32),
      receipt: { result: 'REVERT' },
      result: 'FAILED',
      log: [{ address: 'A614F803B6FD780986A42C78EC9C7F77E6DED13C', topics: ['AB'], data: '01' }],
    })
    expect(info).toMatchObject({ result: 'FAILED', receiptResult: 'REVERT' })
    expect(info.logs).toEqual([
      { address: 'a614f803b6fd780986a42c78ec9c7f77e6ded13c', topics: ['ab'], data: '01' },
    ])
  })

  it('refuses answers of the wrong shape', () => {
    const bad: unknown[] = [
      [],
      { blockID: 'xyz', block_header: { raw_data: {} } },
      { blockID: id(1), block_header: { raw_data: { parentHash: 'ef'.repeat(32), number: 1.5 } } },
      { blockID: id(1), block_header: { raw_data: { parentHash: 'ef'.repeat(32) } }, transactions: {} },
    ]
    for (const json of bad) expect(() => readBlock(json)).toThrow(MalformedAnswerError)
    const value = transfer.raw_data.contract[0]!.parameter.value
    const withValue = (v: Record<string, unknown>) => ({
      ...transfer,
      raw_data: {
        contract: [{ ...transfer.raw_data.contract[0], parameter: { value: { ...value, ...v } } }],
      },
    })
    expect(() => readTransaction(withValue({ to_address: '0x00' }))).toThrow(/not a Tron address/)
    expect(() => readTransaction(withValue({ amount: 2 ** 60 }))).toThrow(/int64/)
    expect(() => readTransactionInfo({ id: 'cd'.repeat(32), log: [{ address: 'zz', topics: [] }] })).toThrow(
      MalformedAnswerError,
    )
  })
})
