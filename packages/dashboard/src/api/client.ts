import { ApiProblem } from './problem'

export const API_BASE = '/api/v1'

type QueryValue = string | number | boolean | null | undefined

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  body?: unknown
  query?: Record<string, QueryValue>
  /** A file sent as the body itself (an import), instead of a JSON `body`. */
  file?: Blob
  signal?: AbortSignal | undefined
}

/** Builds "?a=1&b=2" from the defined, non-empty values. */
export function toQueryString(query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    params.set(key, String(value))
  }
  const s = params.toString()
  return s ? `?${s}` : ''
}

/**
 * Calls the API with the session cookie and returns the parsed JSON (undefined for 204).
 * Anything but a 2xx throws an {@link ApiProblem}.
 */
export async function apiRequest<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' }
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json'
  if (opts.file) headers['Content-Type'] = opts.file.type || 'application/octet-stream'
  let res: Response
  try {
    res = await fetch(`${API_BASE}${path}${toQueryString(opts.query)}`, {
      method: opts.method ?? 'GET',
      headers,
      credentials: 'same-origin',
      body: opts.file ?? (opts.body === undefined ? null : JSON.stringify(opts.body)),
      signal: opts.signal ?? null,
    })
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause
    throw new ApiProblem(
      0,
      {
        title: 'Network error',
        detail: 'Coinbook could not be reached. Check your connection and try again.',
      },
      { cause },
    )
  }
  if (res.status === 204) return undefined as T
  const text = await res.text()
  let json: unknown
  try {
    json = text ? JSON.parse(text) : undefined
  } catch {
    json = undefined
  }
  if (!res.ok) {
    const problem = json && typeof json === 'object' ? (json as Record<string, unknown>) : {}
    throw new ApiProblem(res.status, {
      title: res.statusText || 'Request failed',
      detail: `The server answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}.`,
      ...problem,
    })
  }
  return json as T
}
