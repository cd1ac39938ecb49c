import { describe, expect, it } from 'vitest'
import { InvalidInputError, RpcUnavailableError } from '../../errors.js'
import { JsonRpcError } from '../../rpc/errors.js'
import { resolveEvmConfig } from './config.js'
import { isRangeTooLarge } from './errors.js'

const rpc = { urls: ['http://127.0.0.1:8545'] }

describe('evm config', () => {
  it('takes the chain id, tokens and confirmations of the registry for the mode', () => {
    const { chainId, context } = resolveEvmConfig({ network: 'bsc', rpc })
    expect(chainId).toBe(56)
    expect(context.nativeAsset).toBe('BNB')
    expect(context.confirmations).toBe(15)
    expect(context.tokens.get('0x55d398326f99059ff775485246999027b3197955')).toEqual({
      asset: 'USDT',
      contract: '0x55d398326f99059ff775485246999027b3197955',
      decimals: 18,
    })
  })

  it('adds configured tokens and lets one replace the registry entry of the same contract', () => {
    const usdc = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48'
    const { context } = resolveEvmConfig({
      network: 'ethereum',
      rpc,
      tokens: [
        { asset: 'USDC', contract: usdc, decimals: 7 },
        { asset: 'USDT', contract: '0x5FbDB2315678afecb367f032d93F642f64180aa3', decimals: 6 },
      ],
    })
    expect(context.tokens.size).toBe(3)
    expect(context.tokens.get(usdc.toLowerCase())?.decimals).toBe(7)
    expect(context.tokens.has('0x5fbdb2315678afecb367f032d93f642f64180aa3')).toBe(true)
  })

  it('uses 31337 in regtest and lets the config override the chain id', () => {
    expect(resolveEvmConfig({ network: 'arbitrum', mode: 'regtest', rpc }).chainId).toBe(31337)
    expect(resolveEvmConfig({ network: 'ethereum', rpc, chainId: 17 }).chainId).toBe(17)
  })

  it('refuses a network that is not EVM and a token contract that is not an address', () => {
    expect(() => resolveEvmConfig({ network: 'bitcoin', rpc })).toThrow(InvalidInputError)
    expect(() =>
      resolveEvmConfig({
        network: 'ethereum',
        rpc,
        tokens: [{ asset: 'USDT', contract: 'TR7NHq', decimals: 6 }],
      }),
    ).toThrow(InvalidInputError)
  })
})

describe('eth_getLogs limits', () => {
  const error = (message: string, code = -32005) =>
    new JsonRpcError('ethereum', 'u', 'eth_getLogs', code, message)

  it('recognises the providers` "range too large" answers, also behind an RpcUnavailableError', () => {
    for (const message of [
      'query returned more than 10000 results',
      'Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range',
      'exceed maximum block range: 5000',
      'block range is too wide',
      'eth_getLogs is limited to a 10,000 range',
    ]) {
      expect(isRangeTooLarge(error(message)), message).toBe(true)
    }
    expect(isRangeTooLarge(new RpcUnavailableError('ethereum', [error('block range too large')]))).toBe(true)
    expect(isRangeTooLarge(error('invalid argument 0: hex string has odd length', -32602))).toBe(false)
  })
})
