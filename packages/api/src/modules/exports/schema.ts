import { z } from '@hono/zod-openapi'
import { listCustomersQuery } from '../customers/schema.js'
import { listPaymentsQuery } from '../payments/schema.js'

const format = z.enum(['csv', 'jsonl']).default('csv').openapi({
  description: 'csv (spreadsheet-safe) or jsonl: one JSON object per line, as the API returns it',
})

// The list's query without its paging: the same filters and sort, every page.
export const customerExportQuery = listCustomersQuery.omit({ limit: true, cursor: true }).extend({ format })

export const paymentExportQuery = listPaymentsQuery.omit({ limit: true, cursor: true }).extend({ format })

export const fileResponse = (description: string) => ({
  description,
  content: {
    'text/csv': { schema: z.string() },
    'application/x-ndjson': { schema: z.string() },
  },
})
