import { describe, expect, it } from 'vitest'
import {
  explorerTxUrl,
  findPaymentOption,
  isPaymentOption,
  networkIds,
  networks,
  paymentOptions,
} from './index.js'

describe('registry', () => {
  it('knows the seven networks of the design', () => {
    expect(networkIds).toEqual(['bitcoin', 'ethereum', 'bsc', 'arbitrum', 'tron', 'solana', 'ton'])
  })

  it('gives BSC stablecoins 18 decimals and the others 6', () => {
    expect(findPaymentOption('USDT', 'bsc')?.decimals).toBe(18)
    expect(findPaymentOption('USDC', 'bsc')?.decimals).toBe(18)
    expect(findPaymentOption('USDT', 'ethereum')?.decimals).toBe(6)
    expect(findPaymentOption('USDT', 'tron')?.decimals).toBe(6)
    expect(findPaymentOption('USDC', 'solana')?.decimals).toBe(6)
  })

  it('accepts only pairs that exist', () => {
    expect(isPaymentOption('USDT', 'tron')).toBe(true)
    expect(isPaymentOption('ETH', 'arbitrum')).toBe(true)
    expect(isPaymentOption('SOL', 'ethereum')).toBe(false)
    expect(isPaymentOption('USDC', 'tron')).toBe(false)
    expect(paymentOptions().length).toBe(15)
  })

  it('has a reason for every confirmation default and an explorer link on mainnet', () => {
    for (const n of Object.values(networks)) {
      expect(n.confirmations.default).toBeGreaterThan(0)
      expect(n.confirmations.why.length).toBeGreaterThan(20)
    }
    expect(explorerTxUrl('ethereum', '0xabc')).toBe('https://etherscan.io/tx/0xabc')
  })
})
