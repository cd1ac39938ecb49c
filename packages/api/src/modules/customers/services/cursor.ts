import type { z } from 'zod'
import { ValidationError } from '../../../errors.js'

/** Turns a list position into an opaque cursor (base64url JSON): clients pass it back, never build it. */
export function encodeCursor(position: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url')
}

function invalidCursor() {
  return new ValidationError('The cursor is not valid for this list; start again from the first page', [
    {
      path: 'cursor',
      message: 'is not a cursor this list gave out (altered, truncated or made for another sort)',
    },
  ])
}

/** Reads a cursor back; anything that is not a position the schema accepts is a 400 on `cursor`. */
export function decodeCursor<T extends z.ZodType>(cursor: string, schema: T): z.output<T> {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalidCursor()
  let position: unknown
  try {
    position = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw invalidCursor()
  }
  const parsed = schema.safeParse(position)
  if (!parsed.success) throw invalidCursor()
  return parsed.data
}
