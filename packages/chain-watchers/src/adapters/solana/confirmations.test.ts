import { describe, expect, it } from 'vitest'
import type { TransferEvent } from '../types.js'
import { confirmations, FINALIZED_CONFIRMATIONS, type SolanaHead, statusOf } from './confirmations.js'

const at = (slot: bigint) => ({ blockRef: { number: slot, hash: 'h' } }) as TransferEvent
const head = (tip: bigint, finalized: bigint): SolanaHead => ({
  number: tip,
  hash: 't',
  finalized: { number: finalized, hash: 'f' },
})

describe('Solana confirmations', () => {
  it('reaches 32 exactly when the slot is finalized, however few or many slots lie on top', () => {
    // Finality lagging 60 slots: 40 slots on top, not finalized yet.
    expect(confirmations(at(100n), head(139n, 90n))).toBe(FINALIZED_CONFIRMATIONS - 1)
    // Finalized after only 10 slots (a quiet cluster): counts as 32.
    expect(confirmations(at(100n), head(109n, 100n))).toBe(FINALIZED_CONFIRMATIONS)
    expect(confirmations(at(100n), head(199n, 150n))).toBe(100)
  })

  it('counts slots at the confirmed commitment below 32, and 0 outside a block', () => {
    expect(confirmations(at(100n), head(100n, 60n))).toBe(1)
    expect(confirmations(at(100n), head(104n, 60n))).toBe(5)
    // Read from a block newer than a head read just before: confirmed once.
    expect(confirmations(at(101n), head(100n, 60n))).toBe(1)
    expect(confirmations({} as TransferEvent, head(100n, 60n))).toBe(0)
  })

  it('gives the plain slot count for a head without a finalized block', () => {
    expect(confirmations(at(100n), { number: 139n, hash: 't' })).toBe(40)
  })

  it('makes the status confirmed at the configured count, failed for a failed transaction', () => {
    const ref = { number: 100n, hash: 'h' }
    expect(statusOf(32, false, ref, head(139n, 99n))).toBe('pending')
    expect(statusOf(32, false, ref, head(139n, 100n))).toBe('confirmed')
    expect(statusOf(1, false, ref, head(100n, 50n))).toBe('confirmed')
    expect(statusOf(1, true, ref, head(200n, 150n))).toBe('failed')
  })
})
