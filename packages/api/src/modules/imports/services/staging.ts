import { once } from 'node:events'
import { finished } from 'node:stream/promises'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import type { Executor } from '../../../context.js'
import type { StagedRow } from './staged-row.js'

/** Writes validated rows into customer_import_rows, a batch at a time. */
export interface StagingWriter {
  write(rows: StagedRow[]): Promise<void>
  /** Waits until every row is stored. */
  close(): Promise<void>
  /** Gives up (after a failure): nothing more is written. */
  abort(): Promise<void>
}

const COLUMNS = [
  'import_id',
  'line',
  'id',
  'mask',
  'name',
  'custom_id',
  'email',
  'phone',
  'company',
  'job_title',
  'billing_address',
  'shipping_address',
  'country',
  'timezone',
  'status',
  'type',
  'tax_id',
  'vat_number',
  'tags',
  'tier',
  'notes',
  'custom_fields',
  'cf_set',
  'cf_unset',
  'preferred_fiat',
  'payment_terms_days',
  'payment_limits',
  'registration_date',
  'preferred_coins',
] as const

const NULL = '\\N'
const SPECIAL = /[\\\t\n\r]/
// COPY's text format: backslash escapes for the delimiter (tab), line breaks and the backslash itself.
const copyEscape = (s: string) =>
  SPECIAL.test(s)
    ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : s
const text = (s: string | null) => (s === null ? NULL : copyEscape(s))
const json = (o: unknown) => (o === null || o === undefined ? NULL : copyEscape(JSON.stringify(o)))
// A text[] literal with every element quoted, so a comma or brace in a tag cannot split it.
const array = (a: string[] | null) =>
  a === null ? NULL : copyEscape(`{${a.map((e) => `"${e.replace(/["\\]/g, '\\$&')}"`).join(',')}}`)

function copyLine(importId: string, r: StagedRow): string {
  return `${importId}\t${r.line}\t${r.id}\t${r.mask}\t${text(r.name)}\t${text(r.custom_id)}\t${text(r.email)}\t${text(r.phone)}\t${text(r.company)}\t${text(r.job_title)}\t${json(r.billing_address)}\t${json(r.shipping_address)}\t${text(r.country)}\t${text(r.timezone)}\t${text(r.status)}\t${text(r.type)}\t${text(r.tax_id)}\t${text(r.vat_number)}\t${array(r.tags)}\t${text(r.tier)}\t${text(r.notes)}\t${json(r.custom_fields)}\t${json(r.cf_set)}\t${array(r.cf_unset)}\t${text(r.preferred_fiat)}\t${r.payment_terms_days ?? NULL}\t${json(r.payment_limits)}\t${text(r.registration_date)}\t${json(r.preferred_coins)}\n`
}

/**
 * PostgreSQL: one COPY for the whole file on a connection of its own, fed as rows are validated, so the
 * database stores while Node parses. Unlogged staging, so nothing of this goes through the WAL.
 */
export async function copyStagingWriter(url: string, importId: string): Promise<StagingWriter> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const stream = client.query(copyFrom(`COPY customer_import_rows (${COLUMNS.join(', ')}) FROM STDIN`))
  const done = finished(stream)
  done.catch(() => {}) // awaited in close(); this keeps an early failure from going unhandled
  let failed = false
  return {
    async write(rows) {
      let chunk = ''
      for (const r of rows) chunk += copyLine(importId, r)
      if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), done])
    },
    async close() {
      try {
        stream.end()
        await done
      } finally {
        await client.end()
      }
    },
    async abort() {
      if (failed) return
      failed = true
      stream.destroy(new Error('import aborted'))
      await done.catch(() => {})
      await client.end().catch(() => {})
    },
  }
}

// PGlite refuses a statement with more than 32,767 parameters: 29 columns × 1,000 rows stays under.
const INSERT_ROWS = 1000

/** PGlite (or a database reached only through Kysely): multi-row INSERTs. */
export function insertStagingWriter(db: Executor, importId: string): StagingWriter {
  return {
    async write(rows) {
      for (let i = 0; i < rows.length; i += INSERT_ROWS) {
        await db
          .insertInto('customer_import_rows')
          .values(
            rows.slice(i, i + INSERT_ROWS).map((r) => ({
              ...r,
              import_id: importId,
              billing_address: r.billing_address && JSON.stringify(r.billing_address),
              shipping_address: r.shipping_address && JSON.stringify(r.shipping_address),
              custom_fields: r.custom_fields && JSON.stringify(r.custom_fields),
              cf_set: r.cf_set && JSON.stringify(r.cf_set),
              payment_limits: r.payment_limits && JSON.stringify(r.payment_limits),
              preferred_coins: r.preferred_coins && JSON.stringify(r.preferred_coins),
            })),
          )
          .execute()
      }
    },
    close: async () => {},
    abort: async () => {},
  }
}
