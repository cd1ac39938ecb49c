import { base58 } from '@scure/base'
import { describe, expect, it } from 'vitest'
import { newSolanaReference, newTonComment, normalizeMemo } from './attribution.js'

describe('payment attribution codes', () => {
  it('makes Solana references of 32 bytes in base58, never the same twice', () => {
    const refs = new Set(Array.from({ length: 1000 }, () => newSolanaReference()))
    expect(refs.size).toBe(1000)
    for (const r of refs) expect(base58.decode(r)).toHaveLength(32)
  })

  it('makes TON comment codes a person can type, and matches them as they are typed', () => {
    const codes = Array.from({ length: 1000 }, () => newTonComment())
    expect(new Set(codes).size).toBe(1000)
    for (const c of codes) {
      expect(c).toMatch(/^CB-[0-9A-HJKMNP-TV-Z]{8}$/)
      expect(normalizeMemo('ton', c)).toBe(c)
    }
    expect(normalizeMemo('ton', '  cb-0a1b2c3d ')).toBe('CB-0A1B2C3D')
    expect(normalizeMemo('ton', 'cb-oaib2c3d')).toBe('CB-0A1B2C3D')
    expect(normalizeMemo('solana', ' x ')).toBe(' x ')
  })
})
