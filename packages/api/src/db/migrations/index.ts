import type { Migration } from 'kysely/migration'
import * as m0001 from './0001_foundation.js'

/** Every migration in order. Static imports, so bundles and tests see the same list as production. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
}
