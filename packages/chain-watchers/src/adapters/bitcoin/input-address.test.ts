import * as bitcoin from 'bitcoinjs-lib'
import { describe, expect, it } from 'vitest'
import { fundedRegtest, strangerAddress } from '../../../test/bitcoin/fixtures.js'
import type { ScriptKind } from '../../../test/bitcoin/wallet.js'
import { inputAddress } from './input-address.js'

const regtest = bitcoin.networks.regtest

describe('inputAddress', () => {
  const { chain, wallet } = fundedRegtest()
  wallet.pay(
    (['p2pkh', 'p2sh-p2wpkh', 'p2tr'] as const).map((k) => ({
      address: wallet.address(k),
      value: 1_000_000n,
    })),
  )
  chain.mine(1)
  const spend = (kind: ScriptKind) =>
    wallet.pay([{ address: strangerAddress('a'), value: 1_000n }], { from: kind })

  it.each<ScriptKind>(['p2wpkh', 'p2pkh', 'p2sh-p2wpkh'])(
    'names the address a %s input spends from',
    (kind) => {
      expect(inputAddress(spend(kind).ins[0]!, regtest)).toBe(wallet.address(kind))
    },
  )

  it('gives null for a taproot key-path spend, which does not reveal its output', () => {
    expect(inputAddress(spend('p2tr').ins[0]!, regtest)).toBeNull()
  })

  it('gives null for a coinbase input and for scripts that are not a known spend', () => {
    const coinbase = chain.tip.block.transactions![0]!
    expect(inputAddress(coinbase.ins[0]!, regtest)).toBeNull()
    const input = {
      hash: new Uint8Array(32),
      index: 0,
      sequence: 0,
      witness: [],
      script: Uint8Array.from([0x51]),
    }
    expect(inputAddress(input, regtest)).toBeNull()
  })
})
