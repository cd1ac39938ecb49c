import { randomUUID } from 'node:crypto'
import type { AnyChainAdapter, NetworkId } from '@coinbook/chain-watchers'
import { sql } from 'kysely'
import { createApp } from '../src/app.js'
import { Chains } from '../src/chains/index.js'
import type { Clock } from '../src/clock.js'
import { loadConfig } from '../src/config.js'
import { connectDatabase, type DatabaseHandle } from '../src/db/connect.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { InlineJobRunner } from '../src/jobs/inline.js'
import type { JobDeps, JobRunner } from '../src/jobs/runner.js'
import { createRateProvider } from '../src/modules/rates/index.js'

/**
 * One database per test file: PostgreSQL when DATABASE_URL is set (migrated once by global setup),
 * else a fresh in-memory PGlite. Tests stay isolated by signing up their own merchants. In CI, PGlite
 * only for the pass that asks for it (`test:pglite`, COINBOOK_TEST_PGLITE).
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL
  if (!url && process.env.CI && !process.env.COINBOOK_TEST_PGLITE)
    throw new Error('CI is set but DATABASE_URL is not: integration tests need PostgreSQL')
  const handle = await connectDatabase({ url, dataDir: 'memory://', poolSize: 4 })
  if (!url) await migrateToLatest(handle.db)
  return handle
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>

/** The real HTTP app over a test database, with a typed-enough request helper. */
export async function createTestApp({
  env = {},
  adapters,
  jobs: makeJobs = (core) => new InlineJobRunner(core),
}: {
  env?: Record<string, string>
  adapters?: Partial<Record<NetworkId, AnyChainAdapter>>
  /** The queue behind the app: the in-process runner unless a test brings another (BullMQ). */
  jobs?: (core: JobDeps) => JobRunner
} = {}) {
  const handle = await openTestDatabase()
  const config = loadConfig({
    // The database the app is on, for the services that open their own connection (import's COPY).
    DATABASE_URL: process.env.DATABASE_URL,
    NODE_ENV: 'test',
    RATES_PROVIDER: 'fixed',
    COINBOOK_NETWORK_MODE: 'regtest',
    // Every test signs up from the same address; test/rate-limit.test.ts turns the limits on.
    RATE_LIMIT_AUTH_PER_MINUTE: '0',
    RATE_LIMIT_PUBLIC_PER_MINUTE: '0',
    RATE_LIMIT_PUBLIC_TOKEN_PER_MINUTE: '0',
    ...env,
  })
  const clock = new TestClock()
  const core = {
    db: handle.db,
    config,
    chains: new Chains(config, adapters),
    rates: createRateProvider(config),
    clock,
  }
  const jobs = makeJobs(core)
  const app = createApp({ ...core, jobs })

  async function request(
    method: string,
    path: string,
    opts: { body?: unknown; rawBody?: string; headers?: Record<string, string>; as?: Session } = {},
  ) {
    const headers: Record<string, string> = { ...opts.headers }
    if (opts.body !== undefined || opts.rawBody !== undefined) headers['content-type'] ??= 'application/json'
    if (opts.as) Object.assign(headers, opts.as.headers)
    const res = await app.request(path, {
      method,
      headers,
      ...(opts.rawBody !== undefined
        ? { body: opts.rawBody }
        : opts.body !== undefined
          ? { body: JSON.stringify(opts.body) }
          : {}),
    })
    const text = await res.text()
    let json: any = null
    try {
      json = text ? JSON.parse(text) : null
    } catch {
      json = text
    }
    return { status: res.status, headers: res.headers, body: json }
  }

  /** Signs up a new merchant with a unique email and returns its owner's session. */
  async function signup(overrides: { merchantName?: string } = {}): Promise<Session> {
    const email = `owner-${randomUUID()}@example.com`
    const res = await app.request('/api/v1/auth/signup', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email,
        password: 'correct horse battery',
        merchantName: overrides.merchantName ?? 'Acme',
      }),
    })
    if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${await res.text()}`)
    const cookie = res.headers.get('set-cookie')?.split(';')[0]
    if (!cookie) throw new Error('signup set no cookie')
    const me = (await res.json()) as { merchant: { id: string }; user: { id: string } }
    return { email, merchantId: me.merchant.id, userId: me.user.id, headers: { cookie } }
  }

  /** An API key of the given role for a session's merchant. */
  async function apiKey(owner: Session, role: 'owner' | 'admin' | 'viewer' = 'admin'): Promise<Session> {
    const res = await request('POST', '/api/v1/api-keys', { as: owner, body: { name: `test ${role}`, role } })
    if (res.status !== 201) throw new Error(`api key failed: ${res.status} ${JSON.stringify(res.body)}`)
    return { ...owner, headers: { authorization: `Bearer ${res.body.key}` } }
  }

  return {
    app,
    db: handle.db,
    jobs,
    clock,
    core,
    request,
    signup,
    apiKey,
    close: async () => {
      await jobs.close()
      await handle.close()
    },
  }
}

/** The machine's time until a test sets it; then frozen there (or moved with `advance`). */
export class TestClock implements Clock {
  private fixed: Date | null = null
  now(): Date {
    return this.fixed ? new Date(this.fixed) : new Date()
  }
  set(at: Date | string): void {
    this.fixed = new Date(at)
  }
  advance(ms: number): void {
    this.fixed = new Date(this.now().getTime() + ms)
  }
  /** Back to the machine's time. */
  reset(): void {
    this.fixed = null
  }
}

export interface Session {
  email: string
  merchantId: string
  userId: string
  headers: Record<string, string>
}

/** Drops and recreates the public schema, then migrates: for global setup on PostgreSQL. */
export async function resetPostgres(url: string) {
  const handle = await connectDatabase({ url })
  await sql`DROP SCHEMA IF EXISTS public CASCADE`.execute(handle.db)
  await sql`CREATE SCHEMA public`.execute(handle.db)
  await migrateToLatest(handle.db)
  await handle.close()
}
