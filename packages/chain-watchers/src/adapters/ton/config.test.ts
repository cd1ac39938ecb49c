import { describe, expect, it } from 'vitest'
import { InvalidInputError } from '../../errors.js'
import { createTonAdapter } from './adapter.js'
import { toncenterBase } from './config.js'

describe('toncenter URLs', () => {
  it('trims the JSON-RPC endpoint and trailing slashes to the API base', () => {
    expect(toncenterBase('https://toncenter.com/api/v2/jsonRPC')).toBe('https://toncenter.com/api/v2')
    expect(toncenterBase('https://toncenter.com/api/v2/')).toBe('https://toncenter.com/api/v2')
  })

  it('refuses a URL with a query string at start-up, pointing to the apiKey setting', () => {
    const urls = ['https://toncenter.com/api/v2/jsonRPC?api_key=secret']
    expect(() => createTonAdapter({ rpc: { urls } })).toThrow(InvalidInputError)
    expect(() => createTonAdapter({ rpc: { urls } })).toThrow(/TON_API_KEY/)
    expect(() => createTonAdapter({ rpc: { urls } })).not.toThrow(/secret/)
  })
})
