import { WrongChainError } from '../../errors.js'
import type { RpcAttempt } from '../../rpc/pool.js'
import { sendNode } from './node.js'
import { isEmptyAnswer, MalformedAnswerError, readBlock } from './wire.js'

/**
 * Tron's chain id (what its JSON-RPC `eth_chainId` answers): the last 4 bytes of the genesis block id.
 * Mainnet 0x2b6653dc, Nile 0xcd8690dc, Shasta 0x94a9059e.
 */
export function chainIdOfGenesis(genesisId: string): number {
  return Number.parseInt(genesisId.slice(-8), 16)
}

/** Throws WrongChainError unless the node's genesis block names the expected chain. */
export async function checkChainId(attempt: RpcAttempt, expected: number): Promise<void> {
  const genesis = await sendNode(attempt, '/wallet/getblockbynum', { num: 0 }, (json) => {
    if (isEmptyAnswer(json)) throw new MalformedAnswerError('the node has no genesis block')
    return readBlock(json, false)
  })
  const actual = chainIdOfGenesis(genesis.id)
  if (actual !== expected) {
    throw new WrongChainError('tron', attempt.url, `0x${hex(expected)}`, `0x${hex(actual)}`)
  }
}

function hex(n: number) {
  return n.toString(16).padStart(8, '0')
}
