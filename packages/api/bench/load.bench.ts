/**
 * Load drill: concurrent clients on the main read and write routes of a real API process, 0 errors
 * expected. PostgreSQL (DATABASE_URL set) with 200 connections, then the embedded PGlite mode with 20.
 * Prints requests/s, p50/p99 latency, errors and non-2xx answers per run.
 *   DATABASE_URL=postgres://… tsx bench/load.bench.ts [--duration 60] [--connections 200] [--embedded-connections 20]
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { startApi } from './api-server.js'

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    connections: { type: 'string', default: '200' },
    'embedded-connections': { type: 'string', default: '20' },
    customers: { type: 'string', default: '500' },
  },
})
const duration = Number(values.duration)

// Limits are for strangers; the drill is one client hammering on purpose.
const unlimited = {
  RATE_LIMIT_AUTH_PER_MINUTE: '0',
  RATE_LIMIT_PUBLIC_PER_MINUTE: '0',
  RATE_LIMIT_PUBLIC_TOKEN_PER_MINUTE: '0',
  RATES_PROVIDER: 'fixed',
  LOG_LEVEL: 'warn',
}

async function prepare(url: string) {
  const email = `load-${Date.now()}@coinbook.local`
  const signup = await fetch(`${url}/api/v1/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'a long load password', merchantName: 'Load' }),
  })
  const cookie = signup.headers.get('set-cookie')?.split(';')[0] ?? ''
  const key = await fetch(`${url}/api/v1/api-keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ name: 'load', role: 'admin' }),
  }).then((r) => r.json() as Promise<{ key: string }>)
  const auth = { authorization: `Bearer ${key.key}`, 'content-type': 'application/json' }
  const ids: string[] = []
  for (let i = 0; i < Number(values.customers); i++) {
    const res = await fetch(`${url}/api/v1/customers`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        name: `Seed ${i}`,
        email: `seed-${i}@example.com`,
        country: 'PT',
        tags: ['load'],
      }),
    })
    ids.push(((await res.json()) as { id: string }).id)
  }
  return { auth, ids }
}

async function drill(label: string, env: Record<string, string>, connections: number) {
  const api = await startApi({ env: { ...unlimited, ...env } })
  try {
    const { auth, ids } = await prepare(api.url)
    let n = 0
    const pick = () => ids[Math.floor(Math.random() * ids.length)]
    const result = await autocannon({
      url: api.url,
      connections,
      duration,
      headers: auth,
      requests: [
        { method: 'GET', path: '/api/v1/customers?limit=25' },
        { method: 'GET', path: '/api/v1/customers?q=seed-1&limit=25' },
        { method: 'GET', setupRequest: (r) => ({ ...r, path: `/api/v1/customers/${pick()}` }) },
        {
          method: 'POST',
          setupRequest: (r) => ({
            ...r,
            path: '/api/v1/customers',
            body: JSON.stringify({ name: `Load ${++n}`, email: `load-${process.pid}-${n}@example.com` }),
          }),
        },
        {
          method: 'PATCH',
          setupRequest: (r) => ({
            ...r,
            path: `/api/v1/customers/${pick()}`,
            body: JSON.stringify({ notes: `touched ${++n}` }),
          }),
        },
        { method: 'GET', path: '/api/v1/payments?limit=25' },
      ],
    })
    const { latency, requests, errors, non2xx, timeouts } = result
    console.log(
      `${label}: ${connections} clients × ${duration} s — ${requests.total.toLocaleString()} requests, ${requests.average.toFixed(0)}/s; latency p50 ${latency.p50} ms, p99 ${latency.p99} ms, max ${latency.max} ms; errors ${errors}, timeouts ${timeouts}, non-2xx ${non2xx}`,
    )
  } finally {
    await api.stop()
  }
}

if (process.env.DATABASE_URL) {
  await drill('PostgreSQL', {}, Number(values.connections))
} else {
  console.log('PostgreSQL: skipped (DATABASE_URL is not set)')
}
const dataDir = mkdtempSync(join(tmpdir(), 'coinbook-load-'))
try {
  await drill(
    'Embedded PGlite',
    { DATABASE_URL: '', REDIS_URL: '', COINBOOK_DATA_DIR: dataDir },
    Number(values['embedded-connections']),
  )
} finally {
  rmSync(dataDir, { recursive: true, force: true })
}
