import { addressFromWord } from './address.js'

/** keccak256("Transfer(address,address,uint256)") as java-tron prints topics: hex without 0x. */
export const transferTopic = 'ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef'

export interface Trc20Transfer {
  /** Base58 T…. */
  from: string
  to: string
  amount: bigint
}

const WORD = /^[0-9a-fA-F]{64}$/

/**
 * Reads a TRC-20 Transfer log as gettransactioninfo* returns it (topics and data in hex without 0x).
 * Anything else (TRC-721 transfers with an indexed token id, other events) gives undefined.
 */
export function parseTransferLog(log: {
  topics: readonly string[]
  data: string
}): Trc20Transfer | undefined {
  const to = transferRecipient(log)
  if (to === undefined) return undefined
  return { from: addressFromWord(log.topics[1]!), to, amount: BigInt(`0x${log.data}`) }
}

/** Just the recipient of a TRC-20 Transfer log (base58), to filter before the rest is decoded. */
export function transferRecipient(log: { topics: readonly string[]; data: string }): string | undefined {
  const { topics, data } = log
  if (topics.length !== 3 || topics[0]?.toLowerCase() !== transferTopic) return undefined
  const [, from, to] = topics as [string, string, string]
  if (!WORD.test(from) || !WORD.test(to) || !WORD.test(data)) return undefined
  return addressFromWord(to)
}

/**
 * Reads the call data of a direct `transfer(to, amount)` or `transferFrom(from, to, amount)`: a reverted
 * call leaves no log, so this is the only trace of the transfer it attempted. `sender` is base58.
 */
export function parseTransferCall(data: string, sender: string): Trc20Transfer | undefined {
  const hex = data.toLowerCase().replace(/^0x/, '')
  const word = (i: number) => hex.slice(8 + 64 * i, 8 + 64 * (i + 1))
  const selector = hex.slice(0, 8)
  if (!/^[0-9a-f]*$/.test(hex)) return undefined
  if (selector === 'a9059cbb' && hex.length >= 8 + 128) {
    return { from: sender, to: addressFromWord(word(0)), amount: BigInt(`0x${word(1)}`) }
  }
  if (selector === '23b872dd' && hex.length >= 8 + 192) {
    return { from: addressFromWord(word(0)), to: addressFromWord(word(1)), amount: BigInt(`0x${word(2)}`) }
  }
  return undefined
}
