import { describe, expect, it } from 'vitest'
import { InvalidInputError } from '../../errors.js'
import { networks } from '../../registry/index.js'
import { chainIdOfGenesis } from './chain-id.js'
import { resolveTronConfig } from './config.js'

const rpc = { urls: ['http://127.0.0.1:8090'] }

describe('tron config', () => {
  it('takes USDT, the chain id and 19 confirmations from the registry for the mode', () => {
    const mainnet = resolveTronConfig({ rpc })
    expect(mainnet.chainId).toBe(728126428)
    expect(mainnet.confirmations).toBe(19)
    expect([...mainnet.tokens]).toEqual([
      [
        '41a614f803b6fd780986a42c78ec9c7f77e6ded13c',
        { asset: 'USDT', contract: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', decimals: 6 },
      ],
    ])
    const nile = resolveTronConfig({ rpc, mode: 'testnet' })
    expect(nile.chainId).toBe(3448148188)
    expect([...nile.tokens.values()].map((t) => t.contract)).toEqual(['TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf'])
    expect(resolveTronConfig({ rpc, mode: 'regtest' })).toMatchObject({
      chainId: undefined,
      tokens: new Map(),
    })
  })

  it('matches the registry chain ids to the published genesis block ids (mainnet, Nile)', () => {
    expect(chainIdOfGenesis('00000000000000001ebf88508a03865c71d452e25f4d51194196a1d22b6653dc')).toBe(
      networks.tron.chainId.mainnet,
    )
    expect(chainIdOfGenesis('0000000000000000d698d4192c56cb6be724a558448e2684802de4d6cd8690dc')).toBe(
      networks.tron.chainId.testnet,
    )
  })

  it('adds configured tokens in base58 or hex, and lets one replace the registry entry of its contract', () => {
    const { tokens } = resolveTronConfig({
      rpc,
      tokens: [
        { asset: 'USDC', contract: '41A614F803B6FD780986A42C78EC9C7F77E6DED13C', decimals: 7 },
        { asset: 'USDT', contract: 'TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf', decimals: 6 },
      ],
    })
    expect(tokens.size).toBe(2)
    expect(tokens.get('41a614f803b6fd780986a42c78ec9c7f77e6ded13c')).toEqual({
      asset: 'USDC',
      contract: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
      decimals: 7,
    })
  })

  it('refuses a contract that is not a Tron address, bad confirmations and another network', () => {
    const bad = { asset: 'USDT' as const, decimals: 6 }
    expect(() =>
      resolveTronConfig({
        rpc,
        tokens: [{ ...bad, contract: '0xdAC17F958D2ee523a2206206994597C13D831ec7' }],
      }),
    ).toThrow(InvalidInputError)
    expect(() =>
      resolveTronConfig({ rpc, tokens: [{ ...bad, contract: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u' }] }),
    ).toThrow(/not a Tron address/)
    expect(() => resolveTronConfig({ rpc, confirmations: 0 })).toThrow(InvalidInputError)
    expect(() => resolveTronConfig({ rpc, network: 'ethereum' as 'tron' })).toThrow(InvalidInputError)
    expect(resolveTronConfig({ rpc, blocksPerRequest: 500 }).blocksPerRequest).toBe(100)
  })
})
