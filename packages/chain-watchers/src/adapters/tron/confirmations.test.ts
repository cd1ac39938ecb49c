import { describe, expect, it } from 'vitest'
import type { TransferEvent } from '../types.js'
import { confirmations } from './confirmations.js'

const event = (number: bigint) =>
  ({ blockRef: { number, hash: 'b' }, status: 'pending' }) as unknown as TransferEvent
const head = (number: bigint, solidified?: bigint) => ({
  number,
  hash: 'h',
  ...(solidified !== undefined ? { solidified: { number: solidified, hash: 's' } } : {}),
})

describe('Tron confirmations', () => {
  it('is the depth below the required count until the block is solidified', () => {
    expect(confirmations(event(100n), head(100n, 82n), 19)).toBe(1)
    expect(confirmations(event(100n), head(117n, 99n), 19)).toBe(18)
    // 40 blocks deep but not solidified (super representatives missing their slots).
    expect(confirmations(event(100n), head(139n, 99n), 19)).toBe(18)
  })

  it('reaches the required count once solidified, however few blocks that took', () => {
    expect(confirmations(event(100n), head(118n, 100n), 19)).toBe(19)
    expect(confirmations(event(100n), head(104n, 100n), 19)).toBe(19)
    expect(confirmations(event(100n), head(199n, 180n), 19)).toBe(100)
  })

  it('is the plain depth for a head without its solidified block, 0 outside a block or above the head', () => {
    expect(confirmations(event(100n), head(139n), 19)).toBe(40)
    expect(confirmations(event(100n), head(99n, 80n), 19)).toBe(0)
    expect(confirmations({ ...event(1n), blockRef: undefined }, head(139n, 120n), 19)).toBe(0)
  })
})
