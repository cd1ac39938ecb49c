import type { Session, TestApp } from './harness.js'

export const IMPORT = '/api/v1/customers/import'
export const importPath = (id: string, rest = '') => `/api/v1/customers/imports/${id}${rest}`

type Query = Record<string, string | boolean | object>

function queryString(query: Query) {
  const qs = new URLSearchParams(
    Object.entries(query).map(([k, v]): [string, string] => [
      k,
      typeof v === 'object' ? JSON.stringify(v) : String(v),
    ]),
  ).toString()
  return qs ? `?${qs}` : ''
}

/** Uploads a file (text or raw bytes) as the body of POST /customers/import. */
export async function upload(
  t: TestApp,
  as: Session,
  body: string | Uint8Array,
  opts: { query?: Query; contentType?: string; headers?: Record<string, string> } = {},
) {
  const res = await t.app.request(`${IMPORT}${queryString(opts.query ?? {})}`, {
    method: 'POST',
    headers: { 'content-type': opts.contentType ?? 'text/csv', ...as.headers, ...opts.headers },
    body,
  })
  const text = await res.text()
  let json: any = text
  try {
    json = JSON.parse(text)
  } catch {}
  return { status: res.status, headers: res.headers, body: json }
}

/** Polls an import until it has finished (validated, completed or failed). */
export async function waitForImport(t: TestApp, as: Session, id: string, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs
  for (;;) {
    const res = await t.request('GET', importPath(id), { as })
    if (res.status !== 200) throw new Error(`import read failed: ${res.status} ${JSON.stringify(res.body)}`)
    if (['validated', 'completed', 'failed'].includes(res.body.status)) return res.body
    if (Date.now() > until) throw new Error(`import ${id} did not finish: ${JSON.stringify(res.body)}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** Uploads and waits for the result, whether it ran in the request or as a job. */
export async function importFile(
  t: TestApp,
  as: Session,
  body: string | Uint8Array,
  opts: { query?: Query; contentType?: string } = {},
) {
  const res = await upload(t, as, body, opts)
  if (res.status === 202) return waitForImport(t, as, res.body.id)
  if (res.status !== 201) throw new Error(`import failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}

/** Every live customer of the merchant, through the list (oldest first). */
export async function allCustomers(t: TestApp, as: Session) {
  const out: any[] = []
  let cursor: string | null = null
  do {
    const res = await t.request(
      'GET',
      `/api/v1/customers?limit=100&sort=createdAt${cursor ? `&cursor=${cursor}` : ''}`,
      {
        as,
      },
    )
    if (res.status !== 200) throw new Error(`list failed: ${res.status} ${JSON.stringify(res.body)}`)
    out.push(...res.body.data)
    cursor = res.body.nextCursor
  } while (cursor)
  return out
}

/** A customer by email, as the API shows it. */
export async function byEmail(t: TestApp, as: Session, email: string) {
  const all = await allCustomers(t, as)
  return all.find((c) => c.email === email.toLowerCase())
}

/** A CSV from rows of cells (no quoting: tests write the quotes they mean). */
export const csv = (...lines: string[]) => `${lines.join('\r\n')}\r\n`
