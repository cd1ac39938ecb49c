import type { Kysely, Transaction } from 'kysely'
import type { Chains } from './chains/index.js'
import type { Clock } from './clock.js'
import type { Config } from './config.js'
import type { Database, Role } from './db/database.js'
import type { JobRunner } from './jobs/runner.js'
import type { RateProvider } from './modules/rates/provider.js'

/** A database handle a service can run on: the root connection or a transaction passed in. */
export type Executor = Kysely<Database> | Transaction<Database>

/**
 * Who is acting: a signed-in user or an API key, always inside one merchant. The customer portal acts as
 * 'system' with `via: 'portal'` and the customer's id: events name it the customer (eventActor).
 */
export interface Actor {
  type: 'user' | 'api_key' | 'system'
  id: string | null
  role: Role
  via?: 'portal'
}

/** What every domain service receives: the tenant is explicit in every call. */
export interface ServiceContext {
  db: Executor
  merchantId: string
  actor: Actor
}

/** Long-lived dependencies of the process, handed to the HTTP app and the worker. */
export interface AppDeps extends CoreDeps {
  jobs: JobRunner
}

/** What both the HTTP app and the job handlers use. */
export interface CoreDeps {
  db: Kysely<Database>
  config: Config
  chains: Chains
  rates: RateProvider
  /** The one clock services read (quote expiry, due dates, overdue); tests set it. */
  clock: Clock
}
