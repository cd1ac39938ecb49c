import { RpcError } from '../../errors.js'
import type { RpcPool } from '../../rpc/pool.js'
import type { SolanaContext } from './config.js'
import type { Position } from './cursor.js'
import { arrayOf, nullable, object } from './read.js'
import { readSignatureInfos, type SignatureInfo } from './responses.js'
import { callSolana } from './rpc.js'

/** What one call listed of an address's history after its position. */
export type Listing =
  /** The whole stretch from `after` up to the last `below` (or the top): oldest first. */
  | { kind: 'listed'; items: SignatureInfo[]; below: string[] }
  /** The walk down to `after` ran out of pages: nothing to process yet, continue from the new `below`. */
  | { kind: 'descending'; below: string[] }

export interface ListSignaturesParameters {
  context: SolanaContext
  address: string
  position: Position
  /** The newest slot the cursor has seen: a node that has not reached it is behind and refuses. */
  minContextSlot: bigint | undefined
}

/**
 * Lists the signatures of `address` after its position at the `confirmed` commitment, walking down from
 * the top (or from the position's last `below`) page by page, at most `maxSignaturePages` calls. A stretch
 * found empty is popped off `below` and the walk goes on with the stretch above it.
 */
export async function listSignatures(
  pool: RpcPool,
  { context, address, position, minContextSlot }: ListSignaturesParameters,
): Promise<Listing> {
  const { signaturePageSize: pageSize, maxSignaturePages } = context
  const below = [...position.below]
  let pages = 0
  for (;;) {
    if (pages >= maxSignaturePages) return { kind: 'descending', below }
    const newestFirst: SignatureInfo[] = []
    let before = below.at(-1)
    for (;;) {
      const page = await getPage(pool, address, { before, after: position.after, pageSize, minContextSlot })
      pages++
      const kept = cutAtCursor(page, position.after)
      newestFirst.push(...kept)
      if (kept.length < page.length || page.length < pageSize) break
      before = page.at(-1)!.signature
      if (pages >= maxSignaturePages) return { kind: 'descending', below: [...below, before] }
    }
    if (newestFirst.length === 0 && below.length > 0) {
      below.pop()
      continue
    }
    return { kind: 'listed', items: newestFirst.reverse(), below }
  }
}

/**
 * Drops what is not after the cursor: a node that does not know the `until` signature (another node's
 * history, pruned) lists past it, so anything at or below the cursor's signature and slot is cut here.
 */
function cutAtCursor(page: SignatureInfo[], after: Position['after']): SignatureInfo[] {
  if (!after) return page
  const end = page.findIndex((s) => s.signature === after.signature || s.slot < after.slot)
  return end < 0 ? page : page.slice(0, end)
}

async function getPage(
  pool: RpcPool,
  address: string,
  opts: {
    before?: string | undefined
    after: Position['after']
    pageSize: number
    minContextSlot: bigint | undefined
  },
): Promise<SignatureInfo[]> {
  const config = {
    commitment: 'confirmed',
    limit: opts.pageSize,
    ...(opts.before ? { before: opts.before } : {}),
    ...(opts.after ? { until: opts.after.signature } : {}),
    ...(opts.minContextSlot !== undefined ? { minContextSlot: Number(opts.minContextSlot) } : {}),
  }
  return pool.request(async (a) => {
    const page = await callSolana(a, 'getSignaturesForAddress', [address, config], readSignatureInfos)
    // A node answers an unknown `before` with an empty list, indistinguishable from "nothing older": when
    // the list is empty, make sure this node knows that signature, or a stretch of history would be lost.
    if (page.length === 0 && opts.before) {
      const known = await callSolana(
        a,
        'getSignatureStatuses',
        [[opts.before], { searchTransactionHistory: true }],
        (result) => arrayOf(object(result, 'result').value, 'value', (v, p) => nullable(v, p, object)),
      )
      if (!known[0]) {
        throw new RpcError(a.network, a.url, `does not know signature ${opts.before} (history pruned?)`, true)
      }
    }
    return page
  })
}
