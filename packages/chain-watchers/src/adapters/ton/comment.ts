import type { Cell, Slice } from '@ton/core'

const TEXT_COMMENT = 0

// Wallets keep comments far shorter; a longer chain is not a comment a customer typed.
const MAX_COMMENT_BYTES = 4_096

/**
 * The text comment of a message body: opcode 0 followed by a UTF-8 string in snake format (the bytes of
 * each cell, continued in its first reference). Undefined for an empty body, another opcode (an encrypted
 * comment, a jetton notification), an empty comment, or bytes that are not valid UTF-8 — a memo that can
 * match no customer is no memo.
 */
export function readTextComment(body: Cell | undefined | null): string | undefined {
  if (!body || body.isExotic) return undefined
  const slice = body.beginParse()
  if (slice.remainingBits < 32 || slice.loadUint(32) !== TEXT_COMMENT) return undefined
  try {
    const bytes = readSnakeBytes(slice)
    return bytes && bytes.length > 0 ? new TextDecoder('utf-8', { fatal: true }).decode(bytes) : undefined
  } catch {
    // Invalid UTF-8, or an exotic cell in the chain.
    return undefined
  }
}

/** The bytes of a snake string from `slice` on, or undefined when a cell holds a partial byte. */
export function readSnakeBytes(slice: Slice): Uint8Array | undefined {
  const parts: Buffer[] = []
  let length = 0
  let current: Slice | undefined = slice
  while (current) {
    if (current.remainingBits % 8 !== 0) return undefined
    const part = current.loadBuffer(current.remainingBits / 8)
    length += part.length
    if (length > MAX_COMMENT_BYTES) return undefined
    parts.push(part)
    current = current.remainingRefs > 0 ? current.loadRef().beginParse() : undefined
  }
  return new Uint8Array(Buffer.concat(parts))
}
