/** keccak256("Transfer(address,address,uint256)"): ERC-20 and ERC-721 share it; ERC-721 indexes a 4th topic. */
export const transferTopic = '0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef'

export interface Erc20Transfer {
  from: string
  to: string
  amount: bigint
}

/**
 * Reads an ERC-20 Transfer log by hand (addresses lowercase): scans run this on every token log in a
 * range, so it skips viem's ABI decoder. Anything else (ERC-721 transfers, other events) gives undefined.
 */
export function parseTransferLog(log: {
  topics: readonly string[]
  data: string
}): Erc20Transfer | undefined {
  const to = transferRecipient(log)
  if (to === undefined) return undefined
  return { from: topicAddress(log.topics[1]!), to, amount: BigInt(log.data) }
}

/** Just the recipient of an ERC-20 Transfer log (lowercase), for filtering before anything else is parsed. */
export function transferRecipient(log: { topics: readonly string[]; data: string }): string | undefined {
  const { topics } = log
  if (topics.length !== 3 || topics[0] !== transferTopic || log.data.length !== 66) return undefined
  return topicAddress(topics[2]!)
}

/**
 * Reads the calldata of a direct `transfer(to, amount)` or `transferFrom(from, to, amount)` call: a reverted
 * transaction has no logs, so this is the only trace of the transfer it attempted.
 */
export function parseTransferCall(input: string, sender: string): Erc20Transfer | undefined {
  const word = (i: number) => input.slice(10 + 64 * i, 10 + 64 * (i + 1))
  const selector = input.slice(0, 10)
  if (selector === '0xa9059cbb' && input.length >= 10 + 128) {
    return { from: sender.toLowerCase(), to: wordAddress(word(0)), amount: BigInt(`0x${word(1)}`) }
  }
  if (selector === '0x23b872dd' && input.length >= 10 + 192) {
    return { from: wordAddress(word(0)), to: wordAddress(word(1)), amount: BigInt(`0x${word(2)}`) }
  }
  return undefined
}

/** Just the recipient of a direct transfer/transferFrom call, for filtering before anything else is parsed. */
export function transferCallRecipient(input: string): string | undefined {
  if (input.startsWith('0xa9059cbb') && input.length >= 10 + 128) return wordAddress(input.slice(10, 74))
  if (input.startsWith('0x23b872dd') && input.length >= 10 + 192) return wordAddress(input.slice(74, 138))
  return undefined
}

function topicAddress(topic: string) {
  return `0x${topic.slice(26).toLowerCase()}`
}

function wordAddress(word: string) {
  return `0x${word.slice(24).toLowerCase()}`
}
