import { mkdirSync } from 'node:fs'
import { setImmediate as nextTurn } from 'node:timers/promises'
import {
  Kysely,
  type KyselyPlugin,
  PGliteDialect,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  PostgresDialect,
  type QueryResult,
  type RootOperationNode,
  sql,
  type UnknownRow,
} from 'kysely'
import pg from 'pg'
import type { Database } from './database.js'
import { PreparingClient } from './prepared.js'

// The same wire-to-JS rules on both back ends: numeric stays an exact string, int8 (count(*)) becomes
// a number since counts fit comfortably, and date stays 'YYYY-MM-DD' (no time zone shift).
const INT8 = 20
const DATE = 1082
const parsers = {
  [INT8]: (v: string) => Number.parseInt(v, 10),
  [DATE]: (v: string) => v,
}
for (const [oid, parse] of Object.entries(parsers)) pg.types.setTypeParser(Number(oid), parse)

export type DatabaseKind = 'postgres' | 'pglite'

export interface DatabaseHandle {
  db: Kysely<Database>
  kind: DatabaseKind
  close(): Promise<void>
}

export interface ConnectOptions {
  /** postgres:// URL; without it Coinbook embeds PGlite. */
  url?: string | undefined
  /** PGlite data directory, or 'memory://' for a throwaway database. */
  dataDir?: string
  poolSize?: number
}

/**
 * PGlite runs each statement synchronously on the main thread, and a job's next statement starts from
 * the previous one's promise, so a job of many statements (an import) would keep every HTTP request,
 * health checks included, waiting until it ends. After each statement this lets the event loop take
 * what has arrived (a progress poll, a health check) first; statements that need the database still
 * queue behind an open transaction, as on any single connection.
 */
export class YieldAfterEachQuery implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    await nextTurn()
    return args.result
  }
}

/** Opens PostgreSQL through `pg` when a URL is given, else an embedded PGlite with citext and pg_trgm. */
export async function connectDatabase(opts: ConnectOptions): Promise<DatabaseHandle> {
  if (opts.url) {
    const pool = new pg.Pool({
      connectionString: opts.url,
      max: opts.poolSize ?? 10,
      Client: PreparingClient,
    })
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    return { db, kind: 'postgres', close: () => db.destroy() }
  }
  const dataDir = opts.dataDir ?? 'memory://'
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true })
  // Loaded only here: PGlite adds ~55 MB to a process's memory that runs on PostgreSQL otherwise.
  const [{ PGlite }, { citext }, { pg_trgm }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/citext'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
  ])
  const client = await PGlite.create(dataDir, { extensions: { citext, pg_trgm }, parsers })
  const db = new Kysely<Database>({
    dialect: new PGliteDialect({ pglite: client }),
    plugins: [new YieldAfterEachQuery()],
  })
  return {
    db,
    kind: 'pglite',
    close: async () => {
      await db.destroy()
      if (!client.closed) await client.close()
    },
  }
}

/** A cheap round trip, for readiness checks. */
export async function pingDatabase(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db)
}
