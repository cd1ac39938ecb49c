import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { Kysely } from 'kysely'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import type { Database } from '../../src/db/database.js'
import { type CopyFormat, customersFormat, preferencesFormat, statsFormat } from './copy-format.js'
import type { SeedCustomer, SeedRow } from './customer.js'

/** Writes batches of generated customers; each batch lands in one transaction with its stats rows. */
export interface SeedWriter {
  write(batch: SeedRow[]): Promise<void>
  close(): Promise<void>
}

// Rows per write to the COPY stream: big enough to amortise, small enough that the database starts early.
const LINES_PER_CHUNK = 1000

function* copyChunks<T>(format: CopyFormat<T>, rows: T[]): Generator<string> {
  for (let i = 0; i < rows.length; i += LINES_PER_CHUNK) {
    let chunk = ''
    for (let j = i; j < Math.min(i + LINES_PER_CHUNK, rows.length); j++) chunk += format.line(rows[j]!)
    yield chunk
  }
}

async function copyInto<T>(client: pg.Client, format: CopyFormat<T>, rows: T[]) {
  if (rows.length === 0) return
  const stream = client.query(copyFrom(`COPY ${format.table} (${format.columns.join(', ')}) FROM STDIN`))
  await pipeline(Readable.from(copyChunks(format, rows)), stream)
}

/** A few connections handed out first come, first served. */
class ClientPool {
  private readonly waiting: ((c: pg.Client) => void)[] = []

  constructor(private readonly free: pg.Client[]) {}

  acquire(): Promise<pg.Client> {
    const c = this.free.pop()
    return c ? Promise.resolve(c) : new Promise((resolve) => this.waiting.push(resolve))
  }

  release(c: pg.Client): void {
    const next = this.waiting.shift()
    if (next) next(c)
    else this.free.push(c)
  }
}

/**
 * PostgreSQL: COPY, the fastest way in, on `connections` connections at once. Batches load in parallel but
 * commit in order, so an interrupted run leaves a prefix of the data set and the next run tops it up.
 * synchronous_commit=off risks only the last batches on a crash (never consistency); a larger work_mem
 * lets the trigram index flush its pending list in fewer passes.
 */
export async function copyWriter(url: string, connections: number): Promise<SeedWriter> {
  const clients: pg.Client[] = []
  for (let i = 0; i < connections; i++) {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    await client.query(`SET synchronous_commit = off`)
    await client.query(`SET work_mem = '256MB'`)
    clients.push(client)
  }
  const pool = new ClientPool([...clients])
  let lastCommit: Promise<void> = Promise.resolve()
  return {
    async write(batch) {
      const previous = lastCommit
      let committed!: () => void
      let failed!: (e: unknown) => void
      lastCommit = new Promise<void>((resolve, reject) => {
        committed = resolve
        failed = reject
      })
      lastCommit.catch(() => {}) // observed by the next batch, or not at all after the last
      const client = await pool.acquire()
      try {
        await client.query('BEGIN')
        await copyInto(
          client,
          customersFormat,
          batch.map((r) => r.customer),
        )
        await copyInto(
          client,
          statsFormat,
          batch.map((r) => r.stats),
        )
        await copyInto(
          client,
          preferencesFormat,
          batch.flatMap((r) => r.preferences),
        )
        await previous
        await client.query('COMMIT')
        committed()
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {})
        failed(err)
        throw err
      } finally {
        pool.release(client)
      }
    },
    close: async () => {
      await Promise.all(clients.map((c) => c.end()))
    },
  }
}

// PGlite fails on a statement with more than 32,767 bound parameters (PostgreSQL allows 65,535).
const MAX_PARAMETERS = 30_000

/** Slices rows into INSERTs that stay under the parameter limit. */
function chunks<T extends object>(rows: T[]): T[][] {
  if (rows.length === 0) return []
  const size = Math.floor(MAX_PARAMETERS / Object.keys(rows[0]!).length)
  const out: T[][] = []
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size))
  return out
}

const json = (v: object | null) => (v === null ? null : JSON.stringify(v))

// JSON columns go in as text: both pg and PGlite then let PostgreSQL parse them as jsonb.
const toInsertable = (c: SeedCustomer) => ({
  ...c,
  billing_address: json(c.billing_address),
  shipping_address: json(c.shipping_address),
  payment_limits: json(c.payment_limits),
  custom_fields: JSON.stringify(c.custom_fields),
})

/** PGlite (or any Kysely database): multi-row INSERTs, a batch per transaction. */
export function insertWriter(db: Kysely<Database>): SeedWriter {
  return {
    async write(batch) {
      await db.transaction().execute(async (trx) => {
        for (const part of chunks(batch.map((r) => toInsertable(r.customer)))) {
          await trx.insertInto('customers').values(part).execute()
        }
        for (const part of chunks(batch.map((r) => r.stats))) {
          await trx.insertInto('customer_stats').values(part).execute()
        }
        for (const part of chunks(batch.flatMap((r) => r.preferences))) {
          await trx.insertInto('customer_preferences').values(part).execute()
        }
      })
    },
    close: async () => {},
  }
}
