import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.js'

describe('configuration', () => {
  it('runs on embedded defaults with an empty environment', () => {
    const c = loadConfig({})
    expect(c.PORT).toBe(3000)
    expect(c.DATABASE_URL).toBeUndefined()
    expect(c.REDIS_URL).toBeUndefined()
    expect(c.COINBOOK_DATA_DIR).toBe('./.coinbook')
    expect(c.COINBOOK_NETWORK_MODE).toBe('mainnet')
  })

  it('names every wrong variable in one message', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', COINBOOK_NETWORK_MODE: 'moon' })
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError)
      const msg = (e as ConfigError).message
      expect(msg).toMatch(/PORT:/)
      expect(msg).toMatch(/DATABASE_URL: must be a postgres/)
      expect(msg).toMatch(/COINBOOK_NETWORK_MODE:/)
      expect((e as ConfigError).issues.map((i) => i.variable).sort()).toEqual([
        'COINBOOK_NETWORK_MODE',
        'DATABASE_URL',
        'PORT',
      ])
    }
  })

  it('reads comma-separated RPC URLs in order and treats empty strings as unset', () => {
    const c = loadConfig({ ETHEREUM_RPC_URLS: 'http://a:8545, http://b:8545', REDIS_URL: '' })
    expect(c.ETHEREUM_RPC_URLS).toEqual(['http://a:8545', 'http://b:8545'])
    expect(c.REDIS_URL).toBeUndefined()
    expect(() => loadConfig({ ETHEREUM_RPC_URLS: 'not a url' })).toThrow(/ETHEREUM_RPC_URLS/)
  })
})
