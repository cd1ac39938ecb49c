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

const ENQUEUE_BYTES = 256 * 1024

/**
 * The output of `COPY (select) TO STDOUT WITH (options)` as a download, after `head`: read from the
 * server as the client reads the response (the stream pulls), so memory holds a chunk or two whatever
 * the row count. It runs on a connection of its own, closed at the end, on an error or when the client
 * goes away.
 */
export function copyOutStream(opts: {
  url: string
  select: string
  options: string
  head?: Uint8Array
}): ReadableStream<Uint8Array> {
  const client = new pg.Client({ connectionString: opts.url })
  let source: Readable | undefined
  let iterator: AsyncIterator<Buffer> | undefined
  let closed = false
  const close = async () => {
    if (closed) return
    closed = true
    source?.destroy()
    await client.end().catch(() => {})
  }
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      if (opts.head) controller.enqueue(opts.head)
    },
    async pull(controller) {
      try {
        if (!iterator) {
          await client.connect()
          source = client.query(copyTo(`COPY (${opts.select}) TO STDOUT WITH (${opts.options})`))
          iterator = source[Symbol.asyncIterator]()
        }
        // The server's chunks are a socket read each (~16 KB): handing the response 256 KB at a time
        // saves the per-chunk cost of every layer after this one.
        const parts: Buffer[] = []
        let size = 0
        let done = false
        while (size < ENQUEUE_BYTES) {
          const next = await iterator.next()
          if (next.done) {
            done = true
            break
          }
          parts.push(next.value)
          size += next.value.length
        }
        if (size > 0) controller.enqueue(new Uint8Array(Buffer.concat(parts, size)))
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
