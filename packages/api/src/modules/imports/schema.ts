import { z } from '@hono/zod-openapi'
import { customFieldTarget, importFields, isImportField } from './columns.js'

const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .or(z.boolean())

export const importMode = z
  .enum(['create', 'upsert', 'skip'])
  .openapi({ description: 'create: existing customers are errors; upsert: update them; skip: leave them' })
export const importMatchBy = z
  .enum(['email', 'customId'])
  .openapi({ description: 'What identifies an existing customer (upsert)' })
export const importOnError = z
  .enum(['abort', 'skip'])
  .openapi({ description: 'abort: write nothing if any row is invalid; skip: write the valid rows' })

const mappingTarget = z
  .string()
  .trim()
  .refine((t) => t === 'ignore' || isImportField(t) || customFieldTarget(t) !== undefined, {
    message: `must be one of ${importFields.join(', ')}, customFields.<key> or ignore`,
  })
  .nullable()

/** Header → field; null or "ignore" leaves the column out. Headers match leniently (case, spaces). */
export const columnMapping = z
  .record(z.string().trim().min(1).max(200), mappingTarget)
  .refine((m) => Object.keys(m).length <= 200, 'may map at most 200 columns')
  .openapi('ImportColumnMapping', {
    example: {
      'Client e-mail': 'email',
      'Loyalty level': 'tier',
      Segment: 'customFields.segment',
      Notes: null,
    },
  })

const mappingParam = z
  .string()
  .max(20_000)
  .transform((s, ctx) => {
    try {
      return JSON.parse(s) as unknown
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON object such as {"E-mail address":"email"}' })
      return z.NEVER
    }
  })
  .pipe(columnMapping)

export const importOptions = {
  mode: importMode.default('create'),
  matchBy: importMatchBy.default('email'),
  onError: importOnError.default('abort'),
}

export const importQuery = z.strictObject({
  dryRun: flag.default(false).openapi({ type: 'boolean', description: 'Validate and report only' }),
  ...importOptions,
  mapping: mappingParam.optional().openapi({
    type: 'string',
    description: 'JSON object from header to field, e.g. {"Client e-mail":"email","Notes":null}',
  }),
  delimiter: z
    .enum(['auto', ',', ';', 'tab', '\t', '|'])
    .default('auto')
    .transform((d) => (d === 'tab' ? '\t' : d))
    .openapi({ description: 'CSV only; auto detects , ; tab or | from the header line' }),
  format: z.enum(['csv', 'jsonl', 'json']).optional().openapi({
    description: 'Overrides the Content-Type (text/csv, application/x-ndjson, application/json)',
  }),
  fileName: z.string().trim().max(255).optional(),
})

export const runImportBody = z
  .strictObject({
    dryRun: z.boolean().default(false),
    mode: importMode.optional(),
    matchBy: importMatchBy.optional(),
    onError: importOnError.optional(),
    mapping: columnMapping.optional(),
  })
  .openapi('RunImportRequest')

export const importStatus = z
  .enum(['queued', 'running', 'validated', 'completed', 'failed'])
  .openapi('ImportStatus', {
    description:
      'validated: a dry run finished (run it for real with POST …/run); failed: nothing was written',
  })

export const importErrorSchema = z
  .object({
    line: z
      .number()
      .int()
      .openapi({ description: 'Line of the file the row starts on (JSON arrays: item number)' }),
    column: z.string().nullable().openapi({ description: 'The column as the file names it' }),
    field: z.string().nullable().openapi({ description: 'The customer field, as the API names it' }),
    value: z.string().nullable(),
    message: z.string(),
  })
  .openapi('ImportError')

export const importColumnSchema = z
  .object({
    header: z.string(),
    field: z.string().nullable().openapi({ description: 'Where the column goes; null when it is left out' }),
    note: z.string().nullable(),
  })
  .openapi('ImportColumn')

export const importCountsSchema = z
  .object({
    rows: z.number().int(),
    valid: z.number().int(),
    invalid: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    skipped: z.number().int(),
  })
  .openapi('ImportCounts', { description: 'For a dry run, what the import would do' })

export const customerImportSchema = z
  .object({
    id: z.uuid(),
    status: importStatus,
    dryRun: z.boolean(),
    format: z.enum(['csv', 'jsonl', 'json']),
    fileName: z.string().nullable(),
    encoding: z.string().nullable(),
    delimiter: z.string().nullable(),
    options: z.object({
      mode: importMode,
      matchBy: importMatchBy,
      onError: importOnError,
      mapping: z.record(z.string(), z.string().nullable()).nullable(),
    }),
    columns: z.array(importColumnSchema).nullable(),
    progress: z.object({
      phase: z.enum(['queued', 'reading', 'writing', 'done']),
      done: z.number().int(),
      total: z.number().int().nullable(),
    }),
    counts: importCountsSchema,
    errorCount: z.number().int().openapi({ description: 'Errors in the report (a row may have several)' }),
    errors: z.array(importErrorSchema).openapi({ description: 'The first 100; the report has them all' }),
    failure: z.object({ code: z.string(), message: z.string() }).nullable(),
    canRun: z.boolean().openapi({ description: 'Whether POST …/run may run the stored upload again' }),
    reportUrl: z.string(),
    createdAt: z.iso.datetime(),
    startedAt: z.iso.datetime().nullable(),
    finishedAt: z.iso.datetime().nullable(),
  })
  .openapi('CustomerImport')

export const importIdParam = z.object({
  id: z
    .uuid('must be a UUID')
    .openapi({ param: { name: 'id', in: 'path' }, example: '019a0000-0000-7000-8000-000000000000' }),
})

export type ImportQuery = z.infer<typeof importQuery>
export type RunImportInput = z.infer<typeof runImportBody>
export type ColumnMapping = z.infer<typeof columnMapping>
export type ImportMode = z.infer<typeof importMode>
export type ImportMatchBy = z.infer<typeof importMatchBy>
export type ImportOnError = z.infer<typeof importOnError>
export type CustomerImportDto = z.infer<typeof customerImportSchema>
export type ImportErrorDto = z.infer<typeof importErrorSchema>
export type ImportColumnDto = z.infer<typeof importColumnSchema>
export type ImportCounts = z.infer<typeof importCountsSchema>

/** The options an import runs with, as stored on its record. */
export interface StoredImportOptions {
  mode: ImportMode
  matchBy: ImportMatchBy
  onError: ImportOnError
  mapping: ColumnMapping | null
}
