import { describe, expect, it } from 'vitest'
import { parseLosslessJson } from './lossless-json.js'

describe('parseLosslessJson', () => {
  it('gives what JSON.parse gives for ordinary documents', () => {
    const samples = [
      '{"jsonrpc":"2.0","result":{"context":{"slot":341},"value":[1,2.5,-3e2,true,false,null]},"id":1}',
      ' [ ] ',
      '{}',
      '"a \\"quoted\\" \\u00e9 \\n line"',
      '[{"a":[{"b":{}}]},"11111111111111111111111111111111",0,-0.125]',
      '{"__proto__":{"polluted":1}}',
    ]
    for (const text of samples) expect(parseLosslessJson(text)).toEqual(JSON.parse(text))
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('keeps every digit of u64 values that a number cannot hold', () => {
    const parsed = parseLosslessJson(
      '{"preBalances":[18446744073709551615,9007199254740993,9007199254740991],"fee":5000}',
    ) as { preBalances: unknown[]; fee: unknown }
    expect(parsed.preBalances).toEqual([18446744073709551615n, 9007199254740993n, 9007199254740991])
    expect(parsed.fee).toBe(5000)
  })

  it('leaves digits inside strings alone', () => {
    expect(parseLosslessJson('["123456789012345678901234567890"]')).toEqual([
      '123456789012345678901234567890',
    ])
  })

  it('refuses truncated or garbled text as JSON.parse does', () => {
    for (const bad of [
      '{"jsonrpc":"2.0","id":1,"resu',
      '[1,2',
      '{"a" 1}',
      '01',
      '[1,]',
      'nul',
      '"\u0001"',
      '{} x',
    ]) {
      expect(() => parseLosslessJson(bad)).toThrow(SyntaxError)
      expect(() => JSON.parse(bad)).toThrow(SyntaxError)
    }
  })
})
