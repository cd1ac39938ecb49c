import * as ecc from '@bitcoinerlab/secp256k1'
import { initEccLib, type Network, networks } from 'bitcoinjs-lib'
import type { NetworkMode } from '../registry/types.js'

let eccReady = false

/** Gives bitcoinjs its secp256k1 backend once; taproot outputs (p2tr, bech32m) need it. */
export function ensureEccLib(): void {
  if (eccReady) return
  initEccLib(ecc)
  eccReady = true
}

/** The bitcoinjs network of a mode: bc1/1/3 on mainnet, tb1/m/n/2 on testnet, bcrt1 on regtest. */
export function bitcoinNetwork(mode: NetworkMode): Network {
  return mode === 'mainnet' ? networks.bitcoin : mode === 'testnet' ? networks.testnet : networks.regtest
}
