import { TextDecoder } from 'node:util'
import type { Executor } from '../../../context.js'
import type { ImportFormat } from '../../../db/database.js'
import { CoinbookError } from '../../../errors.js'

/** Chunks of the stored upload: a few round trips for a large file, small enough to read one at a time. */
export const CHUNK_BYTES = 1024 * 1024

export interface StoredUpload {
  bytes: number
  /** How to read the stored bytes: UTF-8 (UTF-16 uploads are stored as UTF-8), or Windows-1252. */
  encoding: 'utf-8' | 'windows-1252'
  /** Data rows, counted while the bytes went by; null for a JSON array (known once it is parsed). */
  rows: number | null
}

const QUOTE = 0x22
const LF = 0x0a

/**
 * Counts records as the bytes stream by, so a job can show "rows done / total" from its start: lines
 * with something but separators in them, where a quoted field's line breaks do not end a line. Exact
 * for well-formed CSV in UTF-8 or Windows-1252, where `"` and a line feed are never part of another
 * character; the import corrects the total once it has read the file.
 */
class RecordCounter {
  private quoted = false
  private content = false
  records = 0

  constructor(private readonly quoteAware: boolean) {}

  push(bytes: Uint8Array) {
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i] as number
      if (b === QUOTE && this.quoteAware) {
        this.quoted = !this.quoted
        this.content = true
      } else if (b === LF) {
        if (this.quoted) continue
        if (this.content) this.records++
        this.content = false
      } else if (
        !this.content &&
        b > 0x20 &&
        b !== 0x2c &&
        b !== 0x3b &&
        b !== 0x7c &&
        b !== 0xef &&
        b !== 0xbb &&
        b !== 0xbf
      ) {
        // Anything but blanks, separators and the UTF-8 byte order mark.
        this.content = true
      }
    }
  }

  finish(): number {
    if (this.content) this.records++
    return this.records
  }
}

/** UTF-16 uploads (Excel's "Unicode text") are turned into UTF-8 as they arrive. */
function utf16Transcoder(first: Uint8Array): TextDecoder | undefined {
  if (first[0] === 0xff && first[1] === 0xfe) return new TextDecoder('utf-16le')
  if (first[0] === 0xfe && first[1] === 0xff) return new TextDecoder('utf-16be')
  return undefined
}

const SIZE = new Intl.NumberFormat('en', { maximumFractionDigits: 1 })

/** A size limit, for a message: "100 MB", "1.9 MB", "512 KB" (in 1024s, as the limits are set). */
export function formatBytes(n: number): string {
  for (const [unit, size] of [
    ['GB', 1024 ** 3],
    ['MB', 1024 ** 2],
    ['KB', 1024],
  ] as const) {
    if (n >= size) return `${SIZE.format(n / size)} ${unit}`
  }
  return `${n} bytes`
}

/** The upload is over the limit (its declared length, or the bytes received so far). */
export function tooLarge(maxBytes: number) {
  return new CoinbookError(
    'payload_too_large',
    `The file is larger than this Coinbook accepts (${formatBytes(maxBytes)}); split it, or ask your operator to raise IMPORT_MAX_BYTES`,
    { details: { maxBytes } },
  )
}

/** Files people upload by mistake, by their first bytes: named, so the message says what to do instead. */
const SIGNATURES: [bytes: number[], what: string][] = [
  [[0x50, 0x4b, 0x03, 0x04], 'an Excel workbook (.xlsx) or another zip file'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an Excel 97–2003 workbook (.xls)'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF'],
]

/**
 * Refuses an upload that is not text: a NUL byte never occurs in a CSV or JSON file in UTF-8, UTF-16 (once
 * decoded) or Windows-1252, and reading a workbook's bytes as CSV only yields a confusing column report.
 */
function notText(first: Uint8Array | undefined, chunk: Uint8Array) {
  if (chunk.indexOf(0) === -1) return undefined
  const known = first && SIGNATURES.find(([sig]) => sig.every((b, i) => first[i] === b))?.[1]
  return new CoinbookError(
    'unsupported_media_type',
    `This file is ${known ?? 'not a text file'}: save it as CSV (UTF-8) — in Excel, File › Save As › CSV UTF-8 — and upload that`,
  )
}

/**
 * Streams an upload into customer_import_chunks, never holding more than one chunk: enforces the size
 * limit as the bytes arrive, finds the encoding (UTF-8, UTF-16 by its byte order mark, else Windows-1252)
 * and counts the rows.
 */
export async function storeUpload(
  db: Executor,
  importId: string,
  body: ReadableStream<Uint8Array> | null,
  opts: { maxBytes: number; format: ImportFormat },
): Promise<StoredUpload> {
  const counter = new RecordCounter(opts.format === 'csv')
  const utf8 = new TextDecoder('utf-8', { fatal: true })
  let encoding: StoredUpload['encoding'] = 'utf-8'
  let transcoder: TextDecoder | undefined
  const encoder = new TextEncoder()
  let received = 0
  let stored = 0
  let seq = 0
  let pending: Uint8Array[] = []
  let pendingBytes = 0

  const flush = async () => {
    if (pendingBytes === 0) return
    const data = Buffer.concat(pending, pendingBytes)
    pending = []
    pendingBytes = 0
    await db.insertInto('customer_import_chunks').values({ import_id: importId, seq: seq++, data }).execute()
  }

  let head: Uint8Array | undefined
  const accept = async (bytes: Uint8Array) => {
    if (bytes.length === 0) return
    head ??= bytes
    const refused = notText(head, bytes)
    if (refused) throw refused
    counter.push(bytes)
    if (encoding === 'utf-8') {
      try {
        utf8.decode(bytes, { stream: true })
      } catch {
        encoding = 'windows-1252'
      }
    }
    stored += bytes.length
    pending.push(bytes)
    pendingBytes += bytes.length
    if (pendingBytes >= CHUNK_BYTES) await flush()
  }

  const reader = body?.getReader()
  try {
    let first = true
    while (reader) {
      const { done, value } = await reader.read()
      if (done) break
      received += value.length
      if (received > opts.maxBytes) throw tooLarge(opts.maxBytes)
      if (first) {
        first = false
        transcoder = utf16Transcoder(value)
      }
      await accept(transcoder ? encoder.encode(transcoder.decode(value, { stream: true })) : value)
    }
    if (transcoder) await accept(encoder.encode(transcoder.decode()))
    await flush()
    if (encoding === 'utf-8') {
      try {
        utf8.decode()
      } catch {
        encoding = 'windows-1252'
      }
    }
  } catch (err) {
    await reader?.cancel().catch(() => {})
    throw err
  }
  const lines = counter.finish()
  // A CSV's first record is its header.
  const rows = opts.format === 'json' ? null : opts.format === 'csv' ? Math.max(0, lines - 1) : lines
  return { bytes: stored, encoding, rows }
}
