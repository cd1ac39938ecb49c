import { stringify } from 'csv-stringify/sync'
import type { Executor } from '../../../context.js'
import { neutralise } from '../../exports/formula.js'
import { EXPORT_BATCH } from '../../exports/services/stream-file.js'

/**
 * An import's report as CSV, streamed in line order: one row per error (a row may have several), then,
 * when more errors were found than are kept, a last line saying how many are left out.
 */
export function reportCsv(
  db: Executor,
  imp: { id: string; error_count: number },
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  async function* chunks(): AsyncGenerator<Uint8Array> {
    yield encoder.encode(`\uFEFF${stringify([['Line', 'Column', 'Field', 'Value', 'Message']])}`)
    let after: { line: number; seq: number } | undefined
    let written = 0
    for (;;) {
      const rows = await db
        .selectFrom('customer_import_errors')
        .select(['seq', 'line', 'column_name', 'field', 'value', 'message'])
        .where('import_id', '=', imp.id)
        .$if(after !== undefined, (q) =>
          q.where((eb) =>
            eb.or([
              eb('line', '>', after?.line ?? 0),
              eb.and([eb('line', '=', after?.line ?? 0), eb('seq', '>', after?.seq ?? 0)]),
            ]),
          ),
        )
        .orderBy('line')
        .orderBy('seq')
        .limit(EXPORT_BATCH)
        .execute()
      if (rows.length === 0) break
      written += rows.length
      const cells = rows.map((r) =>
        [String(r.line), r.column_name ?? '', r.field ?? '', r.value ?? '', r.message].map(neutralise),
      )
      yield encoder.encode(stringify(cells))
      const last = rows.at(-1)
      if (!last || rows.length < EXPORT_BATCH) break
      after = { line: last.line, seq: last.seq }
    }
    if (imp.error_count > written) {
      yield encoder.encode(
        stringify([['', '', '', '', `${imp.error_count - written} more errors are not listed`]]),
      )
    }
  }
  const iterator = chunks()
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await iterator.next()
      if (done) controller.close()
      else controller.enqueue(value)
    },
  })
}
