import { describe, expect, it } from 'vitest'
import { unguard } from '../imports/services/cells.js'
import { neutralise } from './formula.js'

describe('the formula guard', () => {
  it.each(['=SUM(A1)', '+1 555', '-3', '@x', '\tx', '\rx', "'=x", "''+x"])(
    'neutralises %j and the import gives it back',
    (value) => {
      const written = neutralise(value)
      expect(written).toBe(`'${value}`)
      expect(unguard(written)).toBe(value)
    },
  )

  it.each(['Ana', "O'Brien", "'quoted", '1+1', 'a=b', ''])('leaves %j as it is', (value) => {
    expect(neutralise(value)).toBe(value)
    expect(unguard(value)).toBe(value)
  })
})
