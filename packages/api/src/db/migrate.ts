import type { Kysely } from 'kysely'
import { type MigrationResultSet, Migrator } from 'kysely/migration'
import type { Database } from './database.js'
import { migrations } from './migrations/index.js'

/** Runs pending migrations. Kysely takes a database lock, so concurrent processes apply each once. */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    // Work lands in parallel: a migration numbered below one a database already has still applies.
    allowUnorderedMigrations: true,
  })
  const result = await migrator.migrateToLatest()
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName
    throw new Error(`Migration ${failed ?? '(unknown)'} failed: ${String(result.error)}`, {
      cause: result.error,
    })
  }
  return result
}

/** Names of the migrations this code has that the database has not applied yet. */
export async function pendingMigrations(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    allowUnorderedMigrations: true,
  })
  return (await migrator.getMigrations()).filter((m) => !m.executedAt).map((m) => m.name)
}

/**
 * For processes that do not migrate (MIGRATE_ON_START=false): waits until `coinbook migrate` has brought the
 * schema up to date, so an API or worker started beside the migration Job does not run on an old schema.
 */
export async function waitForMigrations(
  db: Kysely<Database>,
  { timeoutMs = 120_000, intervalMs = 2000, onWait = (_pending: string[]) => {} } = {},
): Promise<void> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const pending = await pendingMigrations(db)
    if (pending.length === 0) return
    if (Date.now() >= end) {
      throw new Error(
        `The database lacks ${pending.length} migration(s) (${pending.join(', ')}) and MIGRATE_ON_START is false: run \`coinbook migrate\` first, or set MIGRATE_ON_START=true.`,
      )
    }
    onWait(pending)
    await new Promise((r) => setTimeout(r, intervalMs))
  }
}
