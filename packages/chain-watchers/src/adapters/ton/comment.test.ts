import { beginCell, comment } from '@ton/core'
import { describe, expect, it } from 'vitest'
import { readTextComment } from './comment.js'

describe('TON text comments', () => {
  it('reads the comment @ton/core writes, byte for byte', () => {
    for (const text of ['CB-7KQ2M9XA', '  cb-7kq2m9xa ', 'Café ☕ — 支付 🚀', 'a'.repeat(500)]) {
      expect(readTextComment(comment(text))).toBe(text)
    }
  })

  it('joins a snake string whose emoji is split across two cells', () => {
    // 126 ASCII bytes and a 4-byte emoji: the first cell (123 bytes after the opcode) ends mid-way.
    const text = `${'x'.repeat(121)}🚀🚀 and more`
    const body = comment(text)
    expect(body.refs).toHaveLength(1)
    expect(readTextComment(body)).toBe(text)
  })

  it('has no comment for an empty body, another opcode, an empty text, invalid UTF-8 or a partial byte', () => {
    expect(readTextComment(undefined)).toBeUndefined()
    expect(readTextComment(beginCell().endCell())).toBeUndefined()
    expect(readTextComment(beginCell().storeUint(0x0f8a7ea5, 32).storeUint(1, 64).endCell())).toBeUndefined()
    expect(readTextComment(beginCell().storeUint(0, 32).endCell())).toBeUndefined()
    expect(
      readTextComment(
        beginCell()
          .storeUint(0, 32)
          .storeBuffer(Buffer.from([0x43, 0xff, 0xfe]))
          .endCell(),
      ),
    ).toBeUndefined()
    expect(
      readTextComment(beginCell().storeUint(0, 32).storeUint(0x43, 8).storeBit(1).endCell()),
    ).toBeUndefined()
  })
})
