import { describe, expect, it } from 'vitest'
import type { BuiltinSegment } from './api'
import { builtinSegmentLabel } from './labels'

const base = { group: 'g', description: '', available: true, unavailableReason: null }
const builtins: BuiltinSegment[] = [
  { ...base, id: 'vip', name: 'VIP', param: null },
  { ...base, id: 'timezone', name: 'Time-zone region', param: { name: 'region', options: ['Europe'] } },
]

describe('builtinSegmentLabel', () => {
  it('names a built-in, with its parameter when it takes one', () => {
    expect(builtinSegmentLabel('vip', builtins)).toBe('VIP')
    expect(builtinSegmentLabel('timezone:Europe', builtins)).toBe('Time-zone region: Europe')
  })

  it('answers undefined for an id that names no built-in', () => {
    expect(builtinSegmentLabel('0190a000-0000-7000-8000-000000000001', builtins)).toBeUndefined()
    expect(builtinSegmentLabel('unknown:x', builtins)).toBeUndefined()
    expect(builtinSegmentLabel('timezone', builtins)).toBeUndefined()
    expect(builtinSegmentLabel('vip:x', builtins)).toBeUndefined()
  })
})
