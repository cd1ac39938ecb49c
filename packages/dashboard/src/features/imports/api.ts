import type { CustomerImport, ImportField, RunImportInput } from '@coinbook/api/contracts'
import { API_BASE, apiRequest } from '../../api/client'

export type { CustomerImport, ImportField }

export type ImportMode = CustomerImport['options']['mode']
export type ImportMatchBy = CustomerImport['options']['matchBy']
export type ImportOnError = CustomerImport['options']['onError']
export type ImportMapping = Record<string, string | null>

export interface ImportOptions {
  mode: ImportMode
  matchBy: ImportMatchBy
  onError: ImportOnError
}

/** What the file is, from its name: the API reads CSV (any delimiter), JSON Lines or a JSON array. */
export function fileFormat(name: string): 'csv' | 'jsonl' | 'json' {
  const lower = name.toLowerCase()
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl'
  if (lower.endsWith('.json')) return 'json'
  return 'csv'
}

/** Uploads a file as a dry run: the API validates every row and keeps the file for the real run. */
export function uploadImport(file: File, options: ImportOptions): Promise<CustomerImport> {
  return apiRequest<CustomerImport>('/customers/import', {
    method: 'POST',
    file,
    query: { ...options, dryRun: true, format: fileFormat(file.name), fileName: file.name.slice(0, 255) },
  })
}

export function getImport(id: string, signal?: AbortSignal): Promise<CustomerImport> {
  return apiRequest<CustomerImport>(`/customers/imports/${encodeURIComponent(id)}`, { signal })
}

/** Runs a checked import again from its stored file: for real, or as another dry run (a new mapping). */
export function runImport(id: string, input: RunImportInput): Promise<CustomerImport> {
  return apiRequest<CustomerImport>(`/customers/imports/${encodeURIComponent(id)}/run`, {
    method: 'POST',
    body: input,
  })
}

/** Where the browser downloads an import's report (every error, as CSV). */
export const reportHref = (id: string) => `${API_BASE}/customers/imports/${encodeURIComponent(id)}/report.csv`

export const templateHref = `${API_BASE}/customers/import/template.csv`
