import type { Executor } from '../../../context.js'

/**
 * The stored upload of an import, chunk by chunk and as UTF-8: memory holds one chunk whatever the
 * file's size. A Windows-1252 file (what Excel saves as "CSV" on Windows) is transcoded on the way.
 */
export async function* readUpload(
  db: Executor,
  importId: string,
  encoding: string | null,
): AsyncGenerator<Buffer> {
  const decoder = encoding === 'windows-1252' ? new TextDecoder('windows-1252') : undefined
  for (let seq = 0; ; seq++) {
    const chunk = await db
      .selectFrom('customer_import_chunks')
      .select('data')
      .where('import_id', '=', importId)
      .where('seq', '=', seq)
      .executeTakeFirst()
    if (!chunk) return
    const bytes = Buffer.from(chunk.data.buffer, chunk.data.byteOffset, chunk.data.byteLength)
    yield decoder ? Buffer.from(decoder.decode(bytes, { stream: true }), 'utf8') : bytes
  }
}

/** Whether an import's upload is still stored (it is deleted once imported, or after a day). */
export async function hasUpload(db: Executor, importId: string): Promise<boolean> {
  const row = await db
    .selectFrom('customer_import_chunks')
    .select('seq')
    .where('import_id', '=', importId)
    .where('seq', '=', 0)
    .executeTakeFirst()
  return row !== undefined
}
