import { describe, expect, it } from 'vitest'
import { joinList, parseCoins, parseCountry, parseTerms, splitList } from './cells.js'
import { sniffDelimiter } from './records.js'

describe('reading cells', () => {
  it('splits lists on commas outside quotes, and joinList is its inverse', () => {
    const tags = ['vip', 'a, b', 'say "hi"']
    expect(splitList(joinList(tags))).toEqual(tags)
    expect(splitList(' vip ,, wholesale ')).toEqual(['vip', 'wholesale'])
  })

  it('reads coins, terms and countries as people type them', () => {
    expect(parseCoins('USDT:tron, btc/Bitcoin, USDC on Solana')).toEqual([
      { asset: 'USDT', network: 'tron' },
      { asset: 'BTC', network: 'bitcoin' },
      { asset: 'USDC', network: 'solana' },
    ])
    expect(parseCoins('bitcoin please')).toBeUndefined()
    expect([parseTerms('Net 30'), parseTerms('14 days'), parseTerms('soon')]).toEqual([30, 14, 'soon'])
    expect(['pt', 'PRT', 'Portugal', 'Deutschland', 'Atlantis'].map(parseCountry)).toEqual([
      'PT',
      'PT',
      'PT',
      'DE',
      'Atlantis',
    ])
  })

  it('finds the delimiter from the header line, outside quotes', () => {
    expect(sniffDelimiter('\uFEFFName;Email;Phone\r\na,b;c')).toBe(';')
    expect(sniffDelimiter('Name\tEmail\n')).toBe('\t')
    expect(sniffDelimiter('"Last; First",Email,Phone\n')).toBe(',')
    expect(sniffDelimiter('Name\n')).toBe(',')
  })
})
