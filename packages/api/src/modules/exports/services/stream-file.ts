import { stringify } from 'csv-stringify/sync'
import { neutralise } from '../formula.js'

/** Rows per database round trip: large enough to amortise it, small enough that memory stays flat. */
export const EXPORT_BATCH = 2000

export type ExportFormat = 'csv' | 'jsonl'

/**
 * A download built batch by batch as the client reads it: the next batch is fetched only when the
 * previous one has been sent (the stream pulls), so memory holds one batch whatever the row count.
 * CSV cells go through csv-stringify (RFC 4180 quoting) and the formula guard; JSON Lines is one
 * JSON object per line.
 */
export function streamFile<T>(opts: {
  format: ExportFormat
  header: string[]
  batches: AsyncIterable<T[]>
  toCells: (row: T) => (string | null)[]
  toJson: (rows: T[]) => Promise<unknown[]> | unknown[]
}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  async function* chunks(): AsyncGenerator<Uint8Array> {
    // The byte order mark tells Excel the file is UTF-8, so names in any script open as written.
    if (opts.format === 'csv') yield encoder.encode(`\uFEFF${stringify([opts.header])}`)
    for await (const batch of opts.batches) {
      if (batch.length === 0) continue
      if (opts.format === 'csv') {
        const rows = batch.map((r) => opts.toCells(r).map((v) => (v === null ? '' : neutralise(v))))
        yield encoder.encode(stringify(rows))
      } else {
        const items = await opts.toJson(batch)
        yield encoder.encode(`${items.map((i) => JSON.stringify(i)).join('\n')}\n`)
      }
    }
  }
  const iterator = chunks()
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await iterator.next()
        if (done) controller.close()
        else controller.enqueue(value)
      } catch (err) {
        console.error(JSON.stringify({ level: 'error', msg: 'export failed', error: String(err) }))
        controller.error(err)
      }
    },
    async cancel() {
      await iterator.return(undefined)
    },
  })
}

/** A file name with the date, e.g. customers-2026-03-04.csv. */
export function fileName(what: string, format: ExportFormat): string {
  return `${what}-${new Date().toISOString().slice(0, 10)}.${format}`
}

export function downloadHeaders(what: string, format: ExportFormat): Record<string, string> {
  return {
    'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
    'Content-Disposition': `attachment; filename="${fileName(what, format)}"`,
    'Cache-Control': 'no-store',
  }
}
