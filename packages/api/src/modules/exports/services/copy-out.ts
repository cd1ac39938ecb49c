import type { Readable } from 'node:stream'
import type { CompiledQuery } from 'kysely'
import pg from 'pg'
import { to as copyTo } from 'pg-copy-streams'

/**
 * A compiled query with its parameters written in as literals, for COPY (…) TO STDOUT, which takes
 * none. Each value goes in as a quoted, untyped literal (pg's escapeLiteral), which PostgreSQL types
 * from its context exactly as it types a bind parameter; undefined when a value is of a kind this
 * does not write (the caller then reads the rows the ordinary way).
 */
export function inlineParameters(query: CompiledQuery): string | undefined {
  const literals: string[] = []
  for (const value of query.parameters) {
    if (value === null || value === undefined) literals.push('NULL')
    else if (typeof value === 'string') literals.push(pg.escapeLiteral(value))
    else if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
      literals.push(pg.escapeLiteral(String(value)))
    else if (value instanceof Date) literals.push(pg.escapeLiteral(value.toISOString()))
    else return undefined
  }
  // Kysely writes $1…$n only as placeholders; the longest number is matched whole ($12, not $1 then 2).
  return query.sql.replace(/\$(\d+)/g, (_, n: string) => literals[Number(n) - 1] as string)
}

/**
 * The rows of one part of a split export, in descending id order: `below` > id ≥ `atLeast`, or the
 * `first` so many (the first part, whose end is not known yet).
 */
export interface IdRange {
  below?: string
  atLeast?: string
  first?: number
}

/**
 * An export in parts that PostgreSQL writes side by side: `first` is the select of the first part (its
 * rows up to the first boundary, by LIMIT), `boundaries` returns (as `id`, descending) the last id of
 * every full part, and `part` is the select of one range of ids.
 */
export interface SplitSelect {
  first: string
  boundaries: string
  part: (range: IdRange) => string
}

/** The id ranges the boundaries cut the ids into, first part first (the last one may be empty). */
export function idRanges(boundaries: readonly string[]): IdRange[] {
  const ranges: IdRange[] = []
  let below: string | undefined
  for (const id of boundaries) {
    ranges.push(below === undefined ? { atLeast: id } : { below, atLeast: id })
    below = id
  }
  ranges.push(below === undefined ? {} : { below })
  return ranges
}

const ENQUEUE_BYTES = 256 * 1024
/** How far a part that is not being sent yet may be read ahead (and so what it may hold in memory). */
const READ_AHEAD_BYTES = 32 * 1024 * 1024

/**
 * The output of `COPY (select) TO STDOUT WITH (options)` for each part of a split select, as one
 * download after `head`: read from the server as the client reads the response (the stream pulls), so
 * memory holds a part's read-ahead at most whatever the row count. It runs on connections of its own,
 * closed at the end, on an error or when the client goes away.
 *
 * The parts run on two connections at once, both on one snapshot (REPEATABLE READ, the first
 * connection's snapshot exported to the second, as pg_dump's parallel dump does). The first part streams
 * at once while the second connection finds the boundaries of the others; then the part being sent
 * streams, the next one is read ahead up to READ_AHEAD_BYTES, and the parts are sent in order. The file
 * is the one a single COPY of the same snapshot writes.
 */
export function copyOutStream(opts: {
  url: string
  select: SplitSelect
  options: string
  head?: Uint8Array
}): ReadableStream<Uint8Array> {
  const clients: pg.Client[] = []
  /** The parts started and not yet sent whole, by index. */
  const running = new Map<number, Readable>()
  let chunks: AsyncIterator<Buffer> | undefined
  let closed = false
  const close = async () => {
    if (closed) return
    closed = true
    for (const stream of running.values()) stream.destroy()
    await Promise.all(clients.map((client) => client.end().catch(() => {})))
  }
  const connect = async () => {
    // JIT compiled each COPY's select (~0.75 s for the customers' 43 columns, per part) and made it no
    // faster; parallel workers would only add processes beside the connections that already split the work.
    const client = new pg.Client({
      connectionString: opts.url,
      options: '-c jit=off -c max_parallel_workers_per_gather=0',
    })
    // A connection that fails mid-COPY fails the COPY's stream, which the reader sees.
    client.on('error', () => {})
    clients.push(client)
    await client.connect()
    return client
  }

  async function* read(): AsyncGenerator<Buffer> {
    const lead = await connect()
    await lead.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
    const { rows: snapshot } = await lead.query<{ id: string }>('select pg_export_snapshot() as id')
    const selects = [opts.select.first]
    const start = (i: number) => {
      const client = clients[i % clients.length] as pg.Client
      const copy = copyTo(`COPY (${selects[i]}) TO STDOUT WITH (${opts.options})`, {
        highWaterMark: READ_AHEAD_BYTES,
      })
      const stream = client.query(copy)
      // pg-copy-streams emits a failed COPY's error without destroying the stream: destroyed with it,
      // the stream keeps it, and reading the part throws it, even when it failed before its turn.
      stream.on('error', (err) => stream.destroy(err))
      // Start reading now: the part fills its buffer while the parts before it are sent.
      stream.read(0)
      running.set(i, stream)
    }
    const second = await connect()
    await second.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
    await second.query(`SET TRANSACTION SNAPSHOT ${pg.escapeLiteral(snapshot[0]?.id ?? '')}`)
    // Only now: a first part that fails at once ends the exporting transaction, and a snapshot not yet
    // imported could then no longer be (the download would fail on that, not on the part's error).
    start(0)
    const { rows } = await second.query<{ id: string }>(opts.select.boundaries)
    // The first range is the first part's, already running.
    selects.push(
      ...idRanges(rows.map((r) => r.id))
        .slice(1)
        .map(opts.select.part),
    )
    for (let i = 1; i < Math.min(clients.length, selects.length); i++) start(i)
    for (let i = 0; i < selects.length; i++) {
      for await (const chunk of running.get(i) as Readable) yield chunk as Buffer
      running.delete(i)
      // This part's connection is free: it takes the next part no other connection has.
      if (i + clients.length < selects.length) start(i + clients.length)
    }
  }

  return new ReadableStream<Uint8Array>({
    async start(controller) {
      if (opts.head) controller.enqueue(opts.head)
    },
    async pull(controller) {
      try {
        chunks ??= read()
        // The server's chunks are a socket read each (~16 KB): handing the response 256 KB at a time
        // saves the per-chunk cost of every layer after this one.
        const parts: Buffer[] = []
        let size = 0
        let done = false
        while (size < ENQUEUE_BYTES) {
          const next = await chunks.next()
          if (next.done) {
            done = true
            break
          }
          parts.push(next.value)
          size += next.value.length
        }
        // A Buffer is a Uint8Array: handed on as it is, not copied once more.
        if (size > 0)
          controller.enqueue(
            (parts.length === 1 ? parts[0] : Buffer.concat(parts, size)) as Uint8Array<ArrayBuffer>,
          )
        if (done) {
          await close()
          controller.close()
        }
      } catch (err) {
        console.error(JSON.stringify({ level: 'error', msg: 'export failed', error: String(err) }))
        await close()
        controller.error(err)
      }
    },
    async cancel() {
      await close()
    },
  })
}
