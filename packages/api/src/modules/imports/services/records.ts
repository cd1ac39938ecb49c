import { Readable } from 'node:stream'
import { parse } from 'csv-parse'

/** A record of the file and the line it starts on (for a JSON array: the item's position). */
export interface CsvRecord {
  line: number
  cells: string[]
}

export interface JsonRecord {
  line: number
  value: unknown
}

/** A row the file itself breaks (a quote never closed, a stray one after a closing quote). */
export interface MalformedRow {
  line: number
  message: string
}

const DELIMITERS = [',', ';', '\t', '|'] as const

/**
 * The delimiter of a CSV file from its header line: the one of , ; tab | that occurs most outside
 * quotes (a comma when there is none: a one-column file).
 */
export function sniffDelimiter(head: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]))
  let quoted = false
  for (const ch of head.replace(/^\uFEFF/, '')) {
    if (ch === '"') quoted = !quoted
    else if (!quoted && (ch === '\n' || ch === '\r')) break
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1)
  }
  let best = ','
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d
  return best
}

function newlines(cells: string[]): number {
  let n = 0
  for (const cell of cells) {
    let at = cell.indexOf('\n')
    while (at !== -1) {
      n++
      at = cell.indexOf('\n', at + 1)
    }
  }
  return n
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '')

/**
 * The records of a CSV upload, header first, with the line each starts on. Lenient where spreadsheets
 * are sloppy: a byte order mark, rows longer or shorter than the header, quotes inside unquoted fields,
 * blank lines (skipped); a row that cannot be read at all is reported through `malformed` and skipped.
 */
export async function* csvRecords(
  chunks: AsyncIterable<Buffer>,
  opts: { delimiter: string; malformed: MalformedRow[] },
): AsyncGenerator<CsvRecord> {
  let line = 1
  const parser = parse({
    delimiter: opts.delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_records_with_error: true,
    max_record_size: 1_000_000,
    // Called in file order, so the line count stays right across multi-line fields and skipped rows.
    on_record: (cells: string[]) => {
      const record = { line, cells }
      line += 1 + newlines(cells)
      return record as unknown as string[]
    },
    on_skip: (err) => {
      opts.malformed.push({ line, message: err?.message ?? 'cannot be read as CSV' })
      line += 1
      return undefined
    },
  })
  const source = Readable.from(chunks)
  source.on('error', (err) => parser.destroy(err))
  for await (const record of source.pipe(parser) as AsyncIterable<CsvRecord>) {
    if (!isBlank(record.cells)) yield record
  }
}

/** JSON Lines: one customer object per line; blank lines are skipped. */
export async function* jsonLinesRecords(
  chunks: AsyncIterable<Buffer>,
  opts: { malformed: MalformedRow[] },
): AsyncGenerator<JsonRecord> {
  const decoder = new TextDecoder('utf-8')
  let rest = ''
  let line = 0
  let first = true
  const parseLine = (text: string): JsonRecord | undefined => {
    line++
    if (text.trim() === '') return undefined
    try {
      return { line, value: JSON.parse(text) as unknown }
    } catch {
      opts.malformed.push({ line, message: 'is not valid JSON' })
      return undefined
    }
  }
  for await (const chunk of chunks) {
    let text = rest + decoder.decode(chunk, { stream: true })
    if (first) {
      text = text.replace(/^\uFEFF/, '')
      first = false
    }
    const lines = text.split('\n')
    rest = lines.pop() ?? ''
    for (const l of lines) {
      const record = parseLine(l)
      if (record) yield record
    }
  }
  const record = parseLine(rest + decoder.decode())
  if (record) yield record
}

/** Largest JSON array body: it is parsed whole, so larger batches go as JSON Lines or CSV. */
export const JSON_ARRAY_MAX_BYTES = 16 * 1024 * 1024

/** A JSON array of customers (the API's batch import), or `{ "customers": [...] }`. */
export async function* jsonArrayRecords(chunks: AsyncIterable<Buffer>): AsyncGenerator<JsonRecord> {
  const parts: Buffer[] = []
  for await (const chunk of chunks) parts.push(chunk)
  const text = Buffer.concat(parts)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
  const parsed = JSON.parse(text) as unknown
  const items = Array.isArray(parsed)
    ? parsed
    : parsed && typeof parsed === 'object' && Array.isArray((parsed as { customers?: unknown }).customers)
      ? (parsed as { customers: unknown[] }).customers
      : undefined
  if (!items) throw new SyntaxError('The body must be a JSON array of customers')
  for (const [i, value] of items.entries()) yield { line: i + 1, value }
}
